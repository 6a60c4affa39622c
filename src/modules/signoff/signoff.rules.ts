// Pure rules of justering: who must sign, what a signature covers, what blocks sending.
import { daysBetween, type IsoDate } from "@/lib/iso-date";
import type { ProtocolDTO, SignatureRole } from "@/modules/protocol/protocol.types";
import { adjustmentDeadline } from "@/modules/rules/deadlines.rules";
import type { Finding } from "@/modules/rules/protocol-checker";

/** JSON with object keys sorted at every level and no whitespace: equal data, equal bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new Error("canonicalJson: non-finite number");
    return JSON.stringify(value) ?? "null";
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/**
 * What a signature covers: the protocol's content, without database ids, workflow state,
 * signatures or the notice (set after justering). People appear by name.
 */
export function protocolHashPayload(p: ProtocolDTO): unknown {
  const names = new Map(p.attendance.map((a) => [a.personId, a.name]));
  const who = (id: string | null) => (id === null ? null : (names.get(id) ?? id));
  return {
    format: "paragraf-protocol/1",
    organisation: p.organisation,
    body: { name: p.body.name, genitiveName: p.body.genitiveName, kind: p.body.kind, seatCount: p.body.seatCount },
    meeting: {
      slug: p.meeting.slug,
      date: p.meeting.date,
      startTime: p.meeting.startTime,
      endTime: p.meeting.endTime,
      place: p.meeting.place,
      adjustmentPlace: p.meeting.adjustmentPlace,
      adjustmentDate: p.meeting.adjustmentDate,
    },
    secretary: p.secretary?.name ?? null,
    adjusters: p.adjusters.map((a) => a.name),
    attendance: p.attendance.map((a) => ({ name: a.name, role: a.role, represents: a.represents, title: a.title, ranges: a.ranges, replaces: who(a.replacesPersonId) })),
    paragraphs: p.paragraphs.map((x) => ({
      number: x.number,
      caseNumber: x.caseNumber,
      title: x.title,
      decision: x.decision,
      sections: x.sections,
      basisDocuments: x.basisDocuments,
      dispatch: x.dispatch,
      attachments: x.attachments.map((a) => ({ label: a.label, fileName: a.fileName })),
      motions: x.motions.map((m) => ({ name: m.name, kind: m.kind, text: m.text, amendsIndex: m.amendsIndex, withdrawn: m.withdrawn })),
      propositions: x.propositions,
      votes: x.votes.map((v) => ({ question: v.question, result: v.result, outcome: v.outcome, ballots: v.ballots.map((b) => ({ name: b.name, choice: b.choice })) })),
      reservations: x.reservations.map((r) => ({ name: r.name, reasons: r.reasons })),
      notes: x.notes.map((n) => ({ name: n.name, text: n.text })),
      recusals: x.recusals.map((r) => ({ name: r.name, reason: r.reason })),
      isConfidential: x.isConfidential,
      isImmediatelyAdjusted: x.isImmediatelyAdjusted,
    })),
  };
}

export interface RequiredSigner {
  role: SignatureRole;
  personId: string;
  name: string;
}

/** Sekreterare, ordförande and every justerare must sign (the signature block of the protocol). */
export function requiredSigners(p: ProtocolDTO): RequiredSigner[] {
  return p.signatures.map(({ role, personId, name }) => ({ role, personId, name }));
}

/** The roles a person still has to sign in. */
export function pendingRolesFor(p: ProtocolDTO, personId: string): SignatureRole[] {
  return p.signatures.filter((s) => s.personId === personId && !s.signedAt).map((s) => s.role);
}

export function isFullySigned(p: ProtocolDTO): boolean {
  return p.signatures.length > 0 && p.signatures.every((s) => s.signedAt !== null);
}

/**
 * Findings that stop sending for justering: errors in the content. Deadline findings do not
 * block: a late protocol must still be justerat, the sooner the better.
 */
export function blockingFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === "error" && !f.code.startsWith("ADJUSTMENT_") && !f.code.startsWith("NOTICE_"));
}

/** What must be in place before sending: secretary, chair and at least one justerare. */
export function missingSigners(p: ProtocolDTO): string[] {
  const missing: string[] = [];
  if (!p.secretary) missing.push("Ange sekreterare under Sammanträdet.");
  if (!p.attendance.some((a) => a.role === "CHAIR")) missing.push("Ange ordförande i närvarolistan.");
  if (p.adjusters.length === 0) missing.push("Ange minst en justerare under Sammanträdet.");
  return missing;
}

/** Days left until the 14-day justering deadline (negative when overdue). */
export function daysUntilAdjustmentDeadline(meetingDate: IsoDate, today: IsoDate): { deadline: IsoDate; daysLeft: number } {
  const deadline = adjustmentDeadline(meetingDate).endsOn;
  return { deadline, daysLeft: daysBetween(today, deadline) };
}
