// Issued copies: the PDFs handed out instead of the signed original. Pure: which copy a protocol
// needs, the state it is made from, and how a verified copy is described to the reader.
import { createHash } from "node:crypto";
import { dbDate, toSwedishDate } from "@/lib/iso-date";
import { compressParagraphNumbers, formatParagraphRanges } from "@/lib/paragraph-ranges";
import type { ProtocolDTO } from "@/domain/protocol/protocol.types";
import { PUBLIC_RULES_VERSION, toPublicProtocol } from "@/domain/publication/public.rules";
import { NO_RETENTION, namesWithdrawn } from "@/domain/publication/retention";
import type { IsoDate } from "@/lib/iso-date";

/**
 * PUBLIC: something is withheld (confidential §§, personnummer). FULL: the whole protocol.
 * NOTICE: the notice (anslag/bevis) as a PDF of its own, made from the public protocol.
 */
export type IssuedCopyKind = "PUBLIC" | "FULL" | "NOTICE";

/** Who the PDF is for: anyone (the public site) or the workspace (members, the secretary). */
export type CopyAudience = "public" | "full";

export interface CopyPlan {
  kind: IssuedCopyKind;
  /** The state after justering it shows; with the kind it names one copy of one meeting. */
  fingerprint: string;
  /** What the copy is rendered from (masked for a PUBLIC copy). */
  protocol: ProtocolDTO;
  correctionCount: number;
  /** ISO instant, or null when the notice dates are those set at justering. */
  noticeRevisedAt: string | null;
  /** The seal's signing time: the latest change it shows, or the justering itself. */
  signingTime: Date;
  /** The seal's /Reason. */
  reason: string;
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/**
 * The state a copy is made from, readable in the database: the rättelser (count and a hash of
 * what they say, who signed them and when) and the notice dates with when they were changed. A
 * justerat protocol's content is frozen, so these are all that can make two copies differ.
 */
export function copyFingerprint(protocol: ProtocolDTO): string {
  const corrections = protocol.corrections ?? [];
  const hash = corrections.length === 0 ? "" : `:${sha256(JSON.stringify(corrections)).slice(0, 16)}`;
  const notice = protocol.notice?.revisedAt
    ? `${protocol.notice.postedOn}..${protocol.notice.takeDownOn}@${protocol.notice.revisedAt}`
    : "-";
  return `rättelser=${corrections.length}${hash};anslag=${notice}`;
}

/**
 * The state a notice PDF is made from: the whole public protocol it is rendered from (frozen after
 * justering, so in practice its notice dates, status and rättelser), hashed.
 */
export function noticeFingerprint(pub: ProtocolDTO): string {
  return `anslag=${sha256(JSON.stringify(pub)).slice(0, 32)};offentlig=${PUBLIC_RULES_VERSION}`;
}

/**
 * The fingerprint of a copy of `kind`: a public copy also depends on what the public rules leave
 * out. For NOTICE, `protocol` is the protocol as read (findProtocolBySlug), without the changes
 * after justering: the notice is rendered from its public projection.
 */
export function issuedCopyFingerprint(protocol: ProtocolDTO, kind: IssuedCopyKind, today: IsoDate): string {
  switch (kind) {
    case "PUBLIC": {
      // From the day the organisation's names rule applies, the public copy is another file.
      const rule = protocol.organisation.publicRetention ?? NO_RETENTION;
      const names = namesWithdrawn(rule, protocol.meeting.adjustedOn, today) ? ";namn=utelämnade" : "";
      return `${copyFingerprint(protocol)};offentlig=${PUBLIC_RULES_VERSION}${names}`;
    }
    case "FULL":
      return copyFingerprint(protocol);
    case "NOTICE":
      return noticeFingerprint(toPublicProtocol(protocol, today));
  }
}

/** The instant the protocol was justerat: when the last signature came in. */
export function adjustmentInstant(protocol: ProtocolDTO): Date {
  const signed = protocol.signatures.flatMap((s) => (s.signedAt ? [new Date(s.signedAt).getTime()] : []));
  if (signed.length > 0) return new Date(Math.max(...signed));
  return dbDate(protocol.meeting.adjustedOn ?? protocol.meeting.date); // no signature times: midnight UTC of the day
}

/** The instant of the latest change after justering, or null when there is none. */
export function latestChangeAfterAdjustment(protocol: ProtocolDTO): Date | null {
  const instants = [
    ...(protocol.corrections ?? []).map((c) => c.signedAt),
    ...(protocol.notice?.revisedAt ? [protocol.notice.revisedAt] : []),
  ];
  if (instants.length === 0) return null;
  return new Date(Math.max(...instants.map((i) => new Date(i).getTime())));
}

/** "rättelser och ändrade anslagsdatum", "rättelser", …, or "" when nothing changed. */
function changesAfterAdjustment(correctionCount: number, noticeRevised: boolean): string {
  return [correctionCount > 0 ? "rättelser" : null, noticeRevised ? "ändrade anslagsdatum" : null]
    .filter(Boolean)
    .join(" och ");
}

/** The public version of a protocol with its changes on `today`: confidential §§ and personnummer withheld, … */
export function toPublicCopy(current: ProtocolDTO, today: IsoDate): ProtocolDTO {
  return toPublicProtocol(current, today);
}

/**
 * The copy `audience` must get instead of the signed original, or null when the original is
 * exactly right (nothing withheld, nothing changed after justering). `current` is the whole
 * protocol with its rättelser and notice revision (withChangesAfterAdjustment). A public copy
 * that withholds nothing is the same file as the full copy, and is stored once, as FULL.
 */
export function planCopy(current: ProtocolDTO, audience: CopyAudience, today: IsoDate): CopyPlan | null {
  const correctionCount = current.corrections?.length ?? 0;
  const noticeRevisedAt = current.notice?.revisedAt ?? null;
  let kind: IssuedCopyKind = "FULL";
  let protocol = current;
  if (audience === "public") {
    const pub = toPublicCopy(current, today);
    if (JSON.stringify(pub) !== JSON.stringify(current)) {
      kind = "PUBLIC";
      protocol = pub;
    }
  }
  const what = changesAfterAdjustment(correctionCount, noticeRevisedAt !== null);
  if (kind === "FULL" && what === "") return null;
  const reason = `${kind === "PUBLIC" ? "Offentlig kopia av justerat protokoll" : "Justerat protokoll"}${what ? ` med ${what}` : ""}, ${current.body.name} ${current.meeting.date}`;
  return {
    kind,
    fingerprint: issuedCopyFingerprint(current, kind, today),
    protocol,
    correctionCount,
    noticeRevisedAt,
    signingTime: latestChangeAfterAdjustment(current) ?? adjustmentInstant(current),
    reason,
  };
}

/** The notice (anslag/bevis) PDF of a public protocol (`pub`: findPublicProtocol), stored once per state. */
export function planNotice(pub: ProtocolDTO): CopyPlan {
  return {
    kind: "NOTICE",
    fingerprint: noticeFingerprint(pub),
    protocol: pub,
    correctionCount: pub.corrections?.length ?? 0,
    noticeRevisedAt: pub.notice?.revisedAt ?? null,
    signingTime: latestChangeAfterAdjustment(pub) ?? adjustmentInstant(pub),
    reason: `Anslag om justerat protokoll, ${pub.body.name} ${pub.meeting.date}`,
  };
}

/** The file name a copy is served under: "<slug>-offentlig-kopia-med-rattelser.pdf" and so on. */
export function copyFileName(
  slug: string,
  plan: Pick<CopyPlan, "kind" | "correctionCount" | "noticeRevisedAt">,
): string {
  if (plan.kind === "NOTICE") return `${slug}-anslag.pdf`;
  return `${slug}${plan.kind === "PUBLIC" ? "-offentlig-kopia" : ""}${plan.correctionCount > 0 ? "-med-rattelser" : ""}${plan.noticeRevisedAt ? "-andrat-anslag" : ""}.pdf`;
}

export interface IssuedCopyFacts {
  kind: IssuedCopyKind;
  /** When Paragraf issued it. */
  issuedAt: Date;
  correctionCount: number;
  noticeRevised: boolean;
  /** The protocol's confidential §§ (left out of a PUBLIC copy). */
  confidentialParagraphs: number[];
}

/**
 * What a verified copy is, in one plain Swedish sentence: "Kopian är utfärdad av Paragraf
 * 2026-11-26 från det justerade protokollet med rättelser; paragrafer med sekretess (§ 61) är
 * utelämnade."
 */
export function describeIssuedCopy(copy: IssuedCopyFacts): string {
  if (copy.kind === "NOTICE")
    return `Filen är anslaget (bevis om justering) som Paragraf utfärdade ${toSwedishDate(copy.issuedAt)} för det justerade protokollet.`;
  const what = changesAfterAdjustment(copy.correctionCount, copy.noticeRevised);
  let text = `Kopian är utfärdad av Paragraf ${toSwedishDate(copy.issuedAt)} från det justerade protokollet${what ? ` med ${what}` : ""}`;
  if (copy.kind === "PUBLIC") {
    const confidential = formatParagraphRanges(compressParagraphNumbers(copy.confidentialParagraphs));
    text += confidential ? `; paragrafer med sekretess (${confidential}) är utelämnade` : "; personnummer är maskerade";
  }
  return `${text}.`;
}
