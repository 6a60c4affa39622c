// Swedish labels for the admin pages' enums.
export const bodyRoleLabel = { SECRETARY: "Sekreterare", MEMBER: "Ledamot" } as const;
export const membershipRoleLabel = { MEMBER: "Ledamot", SUBSTITUTE: "Ersättare" } as const;
export const positionLabel = { CHAIR: "ordförande", VICE_CHAIR: "vice ordförande" } as const;
