// The roles a person can have in a meeting's attendance list, shared by meeting.schema.ts and the
// attendance editor's select. Apart from the schema so that the editor, which runs in the browser,
// lists them without bringing zod into its bundle.

export const ATTENDANCE_ROLES = [
  "CHAIR",
  "VICE_CHAIR",
  "MEMBER",
  "SERVING_SUBSTITUTE",
  "SUBSTITUTE",
  "OTHER",
  "ABSENT",
] as const;
