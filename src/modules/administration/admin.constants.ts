// The admin forms' choices, shared by admin.schema.ts and the forms in the browser; apart from the
// schema so that the forms do not bring zod into their bundle.

/** Select value meaning "create a new person" instead of picking one. */
export const NEW_PERSON = "ny-person";

export const BODY_ROLES = ["SECRETARY", "MEMBER"] as const;
export const MEMBERSHIP_ROLES = ["MEMBER", "SUBSTITUTE"] as const;
export const BODY_POSITIONS = ["CHAIR", "VICE_CHAIR"] as const;
