// The justering e-mails, as pure builders: plain data in, { to, subject, text } out, no I/O.
// Sending is server/mail.ts's job. Text only (no HTML), Swedish, one mail to all recipients.
import { swedishWeekdayName, type IsoDate } from "@/lib/iso-date";
import { formatLongDate } from "@/domain/protocol/protocol.format";
import type { SignatureRole } from "@/domain/protocol/protocol.types";
import { signatureRoleTerms } from "@/domain/vocabulary";

export interface MailRecipient {
  name: string;
  /** People without an address are skipped. */
  email: string | null;
}

export interface BuiltMail {
  to: string[];
  subject: string;
  text: string;
}

interface MeetingMailBase {
  /** "https://paragraf.kommun.se", with or without a trailing slash. */
  baseUrl: string;
  /** The organ: "Direktionen". */
  bodyName: string;
  /** Sammanträdesdatum. */
  meetingDate: IsoDate;
}

export interface AdjustmentRequestMailInput extends MeetingMailBase {
  /** The chair and the justerare. */
  recipients: readonly MailRecipient[];
  /** Justera senast (KL 5:69: within 14 days of the meeting), computed by the caller. */
  deadline: IsoDate;
  secretaryName?: string | null;
  /**
   * When the signers answer for different §§: every line of the signature block with its §§
   * ("Ordförande Anna Berg: Paragraf 7"), so each recipient sees what they sign for.
   */
  duties?: readonly { role: SignatureRole; name: string; paragraphs: string }[];
}

export interface ReturnedMailInput extends MeetingMailBase {
  slug: string;
  secretary: MailRecipient;
  /** Who sent it back. */
  returnedBy: string;
  comment: string;
}

export interface AdjustedMailInput extends MeetingMailBase {
  slug: string;
  secretary: MailRecipient;
  /** The day the last signature came in. */
  adjustedOn?: IsoDate | null;
}

const FOOTER = "Det här meddelandet skickades automatiskt av Paragraf. Svara inte på det.";

/** Addresses trimmed, lower-cased and each once (the chair may also be a justerare). */
export function mailAddresses(people: readonly MailRecipient[]): string[] {
  const seen = new Set<string>();
  for (const p of people) {
    const email = p.email?.trim().toLowerCase();
    if (email) seen.add(email);
  }
  return [...seen];
}

const url = (baseUrl: string, path: string) => `${baseUrl.trim().replace(/\/+$/, "")}${path}`;
const meetingPath = (slug: string) => `/moten/${encodeURIComponent(slug)}`;
const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();
const subjectFor = (what: string, m: MeetingMailBase) =>
  oneLine(`${what}: ${m.bodyName} ${formatLongDate(m.meetingDate)}`);
const meetingLines = (m: MeetingMailBase) => [
  `Organ: ${oneLine(m.bodyName)}`,
  `Sammanträde: ${formatLongDate(m.meetingDate)}`,
];
const greeting = (name?: string) => (name?.trim() ? `Hej ${name.trim()},` : "Hej,");

/** The greeting, the body and the footer. */
const composeMail = (to: string[], subject: string, name: string | undefined, body: string[]): BuiltMail => ({
  to,
  subject,
  text: [greeting(name), "", ...body, "", FOOTER].join("\n"),
});

/** A mail to the protocol's secretary about the meeting. */
const toSecretary = (input: ReturnedMailInput | AdjustedMailInput, what: string, body: string[]) =>
  composeMail(mailAddresses([input.secretary]), subjectFor(what, input), input.secretary.name, body);

/** "torsdag 2 december 2021" */
function dayWithWeekday(date: IsoDate): string {
  return `${swedishWeekdayName(date)} ${formatLongDate(date)}`;
}

/** (1) To the chair and the justerare when the protocol is sent for justering. */
export function buildAdjustmentRequestMail(input: AdjustmentRequestMailInput): BuiltMail {
  const to = mailAddresses(input.recipients);
  const single = input.recipients.length === 1 ? input.recipients[0]?.name : undefined;
  return composeMail(to, subjectFor("Protokoll att justera", input), single, [
    "Protokollet från sammanträdet nedan är klart för justering och väntar på din signatur.",
    "",
    ...meetingLines(input),
    `Justera senast: ${dayWithWeekday(input.deadline)}`,
    "",
    ...(input.duties && input.duties.length > 0
      ? [
          "Undertecknarna svarar för olika paragrafer:",
          ...input.duties.map((d) => `- ${signatureRoleTerms[d.role].label} ${oneLine(d.name)}: ${d.paragraphs}`),
          "",
        ]
      : []),
    `Läs och signera protokollet: ${url(input.baseUrl, "/att-justera")}`,
    "",
    "Ser du något som behöver rättas kan du i stället skicka tillbaka protokollet till sekreteraren med en kommentar.",
    ...(input.secretaryName?.trim()
      ? ["", `${signatureRoleTerms.SECRETARY.label}: ${input.secretaryName.trim()}`]
      : []),
  ]);
}

/** (2) To the secretary when a chair or justerare returns the protocol with a comment. */
export function buildReturnedMail(input: ReturnedMailInput): BuiltMail {
  const comment = input.comment.replace(/\r\n?/g, "\n").trim();
  const quoted =
    comment === ""
      ? ["(ingen kommentar)"]
      : comment.split("\n").map((line) => (line.trim() === "" ? ">" : `> ${line}`));
  return toSecretary(input, "Protokollet har skickats tillbaka", [
    `${oneLine(input.returnedBy)} har skickat tillbaka protokollet till dig med en kommentar.`,
    "",
    ...meetingLines(input),
    "",
    "Kommentar:",
    ...quoted,
    "",
    `Rätta protokollet och skicka det till justering igen: ${url(input.baseUrl, `${meetingPath(input.slug)}/redigera`)}`,
  ]);
}

/** (3) To the secretary when the last signature is in. */
export function buildAdjustedMail(input: AdjustedMailInput): BuiltMail {
  return toSecretary(input, "Protokollet är justerat", [
    "Alla har signerat protokollet. Det är justerat och kan inte längre ändras; rättelser görs som en synlig rättelse.",
    "",
    ...meetingLines(input),
    ...(input.adjustedOn ? [`Justerat: ${formatLongDate(input.adjustedOn)}`] : []),
    "",
    `Protokollet: ${url(input.baseUrl, meetingPath(input.slug))}`,
    "",
    "Tillkännagivandet om justeringen ska sättas upp på anslagstavlan senast två dagar efter justeringen.",
  ]);
}
