// The kallelse by e-mail: one mail per ledamot or ersättare, built here as plain data (tested
// without a server). Titles as the public version has them: a confidential ärende is named
// "Sekretessbelagt ärende" in the mail; the full kallelse is behind the link, for those signed in.
import { toPublicSummons } from "@/domain/publication/public.rules";
import { formatLongDate } from "@/domain/protocol/protocol.format";
import type { SummonsDTO } from "@/domain/summons/summons.types";
import { swedishWeekdayName } from "@/lib/iso-date";

export interface SummonsMail {
  to: string;
  subject: string;
  text: string;
}

export interface SummonsMailInput {
  summons: SummonsDTO;
  recipient: { name: string; email: string; role: "MEMBER" | "SUBSTITUTE" };
  /** Sent before: this one replaces it ("Ny kallelse"). */
  resend: boolean;
  baseUrl: string;
  /** The meeting's secretary, whom a ledamot with förhinder tells. */
  secretaryName: string | null;
}

export function summonsLinks(baseUrl: string, slug: string) {
  const base = `${baseUrl.replace(/\/+$/, "")}/moten/${encodeURIComponent(slug)}/kallelse`;
  return { page: base, pdf: `${base}/kallelse.pdf`, bundle: `${base}/handlingar.pdf` };
}

export function buildSummonsMail(input: SummonsMailInput): SummonsMail {
  const { recipient, resend, baseUrl } = input;
  const pub = toPublicSummons(input.summons);
  const { body, meeting } = input.summons;
  const date = formatLongDate(meeting.date);
  const time = [meeting.startTime, meeting.endTime].filter(Boolean).join(" – ");
  const links = summonsLinks(baseUrl, meeting.slug);
  const lines: string[] = [];
  lines.push(`Hej ${recipient.name},`, "");
  if (resend) {
    lines.push("Det här är en ny kallelse. Den ersätter kallelsen du fått tidigare till samma sammanträde.", "");
  }
  lines.push(
    `Du kallas som ${recipient.role === "MEMBER" ? "ledamot" : "ersättare"} till sammanträde med ${body.name.toLowerCase()}.`,
    "",
    `Tid: ${swedishWeekdayName(meeting.date)} ${date}${time ? ` kl. ${time}` : ""}`,
    `Plats: ${meeting.place}`,
    "",
    "Ärenden:",
  );
  if (pub.items.length === 0) lines.push("(ärendelistan är tom)");
  for (const item of pub.items) lines.push(`${item.number}. ${item.title}`);
  lines.push(
    "",
    `Kallelsen med förslag till beslut: ${links.pdf}`,
    `Kallelsen med handlingarna i en PDF: ${links.bundle}`,
    `Alla handlingar: ${links.page}`,
    "Logga in i Paragraf för att öppna dem.",
    "",
    input.secretaryName
      ? `Kan du inte delta? Meddela sekreteraren ${input.secretaryName} så snart som möjligt, så att ersättare kan kallas.`
      : "Kan du inte delta? Meddela sekreteraren så snart som möjligt, så att ersättare kan kallas.",
  );
  return {
    to: recipient.email,
    subject: `${resend ? "Ny kallelse" : "Kallelse"}: ${body.name} ${date}`,
    text: lines.join("\n"),
  };
}
