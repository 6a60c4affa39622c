// Administration: users, their body roles and people, bodies' memberships. The admin pages use this.
export {
  findBodyMemberships,
  findUserDetail,
  listBodies,
  listOrganisations,
  listUnlinkedPeople,
  listUsers,
} from "./admin.queries";
export { adminPage, requireAdminPage, requireOrganisationPage } from "./admin.page";
export { AdminPage, AdminSection, OrganisationSections } from "./components/admin-page";
export { BodyRoles } from "./components/body-roles";
export { CreateUserForm } from "./components/create-user-form";
export { EditUserForm, SetPasswordForm } from "./components/edit-user-form";
export { AddMembershipForm, MembershipTable } from "./components/memberships";
export { UsersTable } from "./components/users-table";
export { findBodyDetail, listOrganisationSettings } from "./bodies.queries";
export { listPeople } from "./persons.queries";
export { BodyForm, SubstituteOrder } from "./components/body-form";
export { OrganisationForm } from "./components/organisation-form";
export { PeopleTable } from "./components/persons";
export { CreateOrganisationForm } from "./components/create-organisation-form";
export { createOrganisation, listOrganisationsOnPlatform } from "./platform.mutations";
export { OrganisationSwitcher } from "./components/organisation-switcher";
export { AuditTable } from "./components/audit-table";
export { listOrganisationAudit } from "./audit.queries";
