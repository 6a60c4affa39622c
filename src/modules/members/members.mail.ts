// The mail to the secretary when a ledamot or ersättare reports förhinder (or withdraws it). Pure:
// the text is built here and tested; members.notify.ts sends it after the change is committed.
import { formatLongDate } from "@/domain/protocol/protocol.format";

export interface AbsenceMailInput {
  baseUrl: string;
  to: readonly string[];
  bodyName: string;
  /** "Direktionens" (Body.genitiveName). */
  bodyGenitive: string;
  meetingDate: string;
  meetingSlug: string;
  person: { name: string; role: "MEMBER" | "SUBSTITUTE"; represents: string };
  note: string | null;
  /** For a ledamot: whom to call in (the rule's Swedish sentence); null for an ersättare. */
  suggestion: string | null;
  withdrawn: boolean;
}

export interface BuiltAbsenceMail {
  to: string[];
  subject: string;
  text: string;
}

export function buildAbsenceMail(m: AbsenceMailInput): BuiltAbsenceMail {
  const when = formatLongDate(m.meetingDate);
  const role = m.person.role === "MEMBER" ? "ledamot" : "ersättare";
  const who = `${m.person.name} (${role}, ${m.person.represents})`;
  const link = `${m.baseUrl}/moten/${encodeURIComponent(m.meetingSlug)}/forhinder`;
  if (m.withdrawn) {
    return {
      to: [...m.to],
      subject: `Förhinder återkallat: ${m.person.name}, ${m.bodyName} ${when}`,
      text: [
        `${who} har återkallat sitt förhinder till ${m.bodyGenitive} sammanträde ${when} och kan delta.`,
        "",
        `Förhinder och ersättare: ${link}`,
      ].join("\n"),
    };
  }
  return {
    to: [...m.to],
    subject: `Förhinder: ${m.person.name}, ${m.bodyName} ${when}`,
    text: [
      `${who} har anmält förhinder till ${m.bodyGenitive} sammanträde ${when}.`,
      ...(m.note ? ["", `Meddelande: ${m.note}`] : []),
      "",
      m.suggestion ?? "Ersättare behöver inte kallas in för en ersättare.",
      "",
      `Förhinder och ersättare: ${link}`,
    ].join("\n"),
  };
}
