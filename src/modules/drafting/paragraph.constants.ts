// The choices a § offers (kinds of section and yrkande, a ballot's answers, a vote's outcomes),
// shared by paragraph.schema.ts and the editor's selects. Apart from the schema so that the editor,
// which runs in the browser, lists them without bringing zod into its bundle.

export const SECTION_KINDS = ["SUMMARY", "CASE", "CONSEQUENCES", "OTHER"] as const;
export const MOTION_KINDS = ["BIFALL", "AVSLAG", "ANDRING", "TILLAGG", "ATERREMISS", "BORDLAGGNING"] as const;
export const BALLOT_CHOICES = ["JA", "NEJ", "AVSTAR", "FRANVARANDE", "DELTAR_EJ"] as const;
export const VOTE_OUTCOMES = ["JA", "NEJ", "LOTTNING"] as const;
