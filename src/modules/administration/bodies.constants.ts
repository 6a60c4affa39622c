// The body form's choices, shared by bodies.schema.ts and the form in the browser; apart from the
// schema so that the form does not bring zod into its bundle.

export const BODY_KINDS = ["FULLMAKTIGE", "STYRELSE", "NAMND", "UTSKOTT", "DIREKTION", "BEREDNING"] as const;
export const DECISION_PLACEMENTS = ["BEFORE_SECTIONS", "AFTER_SECTIONS"] as const;
