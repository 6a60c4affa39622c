// Raw connections as the app's role see no organisation's rows until `app.organisation` is set
// (row-level security, migration 20261205100000_tenancy; the app's pool sets it per checkout in
// src/server/db.ts). Tests that act as an insider with the app's credentials set the widest
// scope, the platform's, so that what they try is refused by the guards, not hidden by the scope.
export const PLATFORM_SCOPE_OPTION = "-c app.organisation=*";
