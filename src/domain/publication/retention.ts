// How long the public copy keeps personal names, and when search engines are asked to forget a
// protocol: the organisation's rule (issue 17.2, "old public copies"). Pure: today is an argument.
//
// SKR and IMY ask municipalities not to keep personal data on the open web longer than needed. The
// protocol itself stays public (a justerat protocol is an allmän handling, and its decisions are
// the public's business), so the rule does not take protocols down; it does two things, each an
// organisation's choice:
// - names: N whole years after justering, every person the protocol records (attendance, signers,
//   yrkanden, votes, reservations, jäv, notes, rättelser) and each §'s flagged names are replaced
//   by "[utelämnat]" on every public surface (page, PDF copy, utdrag, open data, search);
// - noindex: once the appeal period is over (the notice taken down), public protocol pages and
//   PDFs tell search engines not to index them; the archive's own search still finds them.
import { isoDate, type IsoDate } from "@/lib/iso-date";
import { noticeState } from "@/domain/lifecycle";
import type { ProtocolDTO } from "@/domain/protocol/protocol.types";

/**
 * namesYears: whole years after justering from which names are withheld (null: names stay).
 * noindexAfterAppeal: noindex for public protocol pages and PDFs once the notice is taken down.
 */
export type PublicRetentionRule = NonNullable<ProtocolDTO["organisation"]["publicRetention"]>;

/** No rule: names stay, search engines may index. */
export const NO_RETENTION: PublicRetentionRule = { namesYears: null, noindexAfterAppeal: false };

/** The longest a rule may run (the database checks 1–100 as well). */
export const MAX_NAMES_YEARS = 100;

/**
 * The first day the public copy is without names: the same day and month `years` later (a
 * justering on 29 February counts from 28 February in a year without it, as PostgreSQL's date
 * arithmetic does in the archive search), or null without a rule or before justering.
 */
export function namesWithdrawnFrom(rule: PublicRetentionRule, adjustedOn: IsoDate | null): IsoDate | null {
  if (rule.namesYears === null || adjustedOn === null) return null;
  const year = Number(adjustedOn.slice(0, 4)) + rule.namesYears;
  const [, m, d] = adjustedOn.split("-").map(Number);
  // 29 February in a year without it: Date.UTC would roll over to 1 March.
  const day = new Date(Date.UTC(year, m! - 1, d!)).getUTCDate() === d ? d! : 28;
  return isoDate(year, m!, day);
}

/** Whether the public copy withholds every person's name on `today`. */
export function namesWithdrawn(rule: PublicRetentionRule, adjustedOn: IsoDate | null, today: IsoDate): boolean {
  const from = namesWithdrawnFrom(rule, adjustedOn);
  return from !== null && today >= from;
}

/** Whether public pages and PDFs of the protocol carry noindex on `today`. */
export function noindexOn(
  rule: PublicRetentionRule,
  notice: { postedOn: IsoDate; takeDownOn: IsoDate } | null,
  today: IsoDate,
): boolean {
  return rule.noindexAfterAppeal && notice !== null && noticeState(notice, today) === "down";
}

/** The sentence a public copy without names carries (page and PDF). */
export function namesWithdrawnNote(rule: PublicRetentionRule): string {
  const years = rule.namesYears ?? 0;
  return `Personnamn är utelämnade i den här kopian: organisationen visar namn på webben i ${years} år efter justeringen. Hela protokollet kan begäras ut som allmän handling.`;
}
