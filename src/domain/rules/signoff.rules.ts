// Pure rules of justering: who must sign, what a signature covers, what blocks sending.
import { daysBetween, type IsoDate } from "@/lib/iso-date";
import type { ProtocolDTO, SignatureRole } from "@/domain/protocol/protocol.types";
import { adjustmentDeadline } from "@/domain/rules/deadlines.rules";
import type { Finding } from "@/domain/rules/protocol-checker";
import { hasSignersPerParagraph } from "@/domain/rules/signers.rules";

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

export interface RequiredSigner {
  role: SignatureRole;
  personId: string;
  name: string;
}

/** Sekreterare, ordförande and every justerare must sign (the signature block of the protocol). */
export function requiredSigners(p: ProtocolDTO): RequiredSigner[] {
  return p.signatures.map(({ role, personId, name }) => ({ role, personId, name }));
}

/**
 * The role a person still has to sign in: [] when signed or not a signer. One signature per
 * person covers all their §§ and roles (a vice chair chairing § 7 and justerare of the rest signs
 * once); it is stored with their first role in the signature block's order.
 */
export function pendingRolesFor(p: ProtocolDTO, personId: string): SignatureRole[] {
  const mine = p.signatures.filter((s) => s.personId === personId);
  if (mine.length === 0 || mine.some((s) => s.signedAt)) return [];
  return [mine[0]!.role];
}

export function isFullySigned(p: ProtocolDTO): boolean {
  return p.signatures.length > 0 && p.signatures.every((s) => s.signedAt !== null);
}

/**
 * Findings that stop sending for justering: errors in the content. Deadline findings do not
 * block: a late protocol must still be justerat, the sooner the better.
 */
export function blockingFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter(
    (f) => f.severity === "error" && !f.code.startsWith("ADJUSTMENT_") && !f.code.startsWith("NOTICE_"),
  );
}

/**
 * What must be in place before sending: secretary, chair and at least one justerare. Signers per
 * §: at least one of each role (which §§ each covers is checkSignerIndependence's).
 */
export function missingSigners(p: ProtocolDTO): string[] {
  const missing: string[] = [];
  if (hasSignersPerParagraph(p)) {
    const roles = new Set(p.signers!.map((s) => s.role));
    if (!roles.has("SECRETARY")) missing.push("Ange sekreterare under Undertecknare.");
    if (!roles.has("CHAIR")) missing.push("Ange ordförande under Undertecknare.");
    if (!roles.has("ADJUSTER")) missing.push("Ange minst en justerare under Undertecknare.");
    return missing;
  }
  if (!p.secretary) missing.push("Ange sekreterare under Sammanträdet.");
  if (!p.attendance.some((a) => a.role === "CHAIR")) missing.push("Ange ordförande i närvarolistan.");
  if (p.adjusters.length === 0) missing.push("Ange minst en justerare under Sammanträdet.");
  return missing;
}

/** Days left until the 14-day justering deadline (negative when overdue). */
export function daysUntilAdjustmentDeadline(
  meetingDate: IsoDate,
  today: IsoDate,
): { deadline: IsoDate; daysLeft: number } {
  const deadline = adjustmentDeadline(meetingDate).endsOn;
  return { deadline, daysLeft: daysBetween(today, deadline) };
}
