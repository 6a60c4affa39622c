/**
 * Utdrag ur protokoll: which §§ of a protocol may be given out as an extract, to whom. Pure.
 *
 * An extract is taken from a justerat protocol only (it certifies that it matches the justerat
 * protocol). The public gets only §§ that are public: a confidential § (sekretess) is refused,
 * not reduced to its heading, since an extract of a heading alone certifies nothing.
 */
import { formatParagraphRanges, compressParagraphNumbers, parseParagraphRanges } from "@/lib/paragraph-ranges";
import { isAdjusted } from "@/domain/lifecycle";
import type { ProtocolDTO } from "@/domain/protocol/protocol.types";

/** Who asks: a member with read access in the workspace, or anyone on the public pages. */
export type ExtractAudience = "workspace" | "public";

export type ExtractPlan =
  { ok: true; paragraphNumbers: number[] } | { ok: false; status: 400 | 403 | 404 | 409; message: string };

/** The most §§ one request may name (a protocol rarely has more than a hundred). */
export const MAX_EXTRACT_PARAGRAPHS = 500;

/**
 * The § numbers asked for: each value a number or a list ("59", "59-61, 63"); repeated values
 * (checkboxes named "paragraf") add up. Null: a value that is not a § list.
 */
export function parseExtractParagraphs(values: readonly string[]): number[] | null {
  const numbers = new Set<number>();
  for (const value of values) {
    if (value.trim() === "") continue;
    if (value.length > 200) return null;
    const parsed = parseParagraphRanges(value);
    if (!parsed.ok) return null;
    for (const { from, to } of parsed.ranges) {
      if (to - from > MAX_EXTRACT_PARAGRAPHS) return null;
      for (let n = from; n <= to; n++) numbers.add(n);
      if (numbers.size > MAX_EXTRACT_PARAGRAPHS) return null;
    }
  }
  return [...numbers].sort((a, b) => a - b);
}

/** Whether `audience` may have an extract of `requested` §§ of `protocol`, and which. */
export function planExtract(
  protocol: Pick<ProtocolDTO, "meeting" | "paragraphs">,
  requested: readonly number[] | null,
  audience: ExtractAudience,
): ExtractPlan {
  if (!isAdjusted(protocol.meeting.status))
    return {
      ok: false,
      status: 409,
      message: "Utdrag kan bara tas ur ett justerat protokoll. Vänta tills alla har signerat.",
    };
  if (requested === null)
    return { ok: false, status: 400, message: "Ange paragraferna som nummer, t.ex. 59 eller 59-61, 63." };
  if (requested.length === 0) return { ok: false, status: 400, message: "Välj minst en paragraf att ta utdrag ur." };
  const byNumber = new Map(protocol.paragraphs.map((p) => [p.number, p]));
  const missing = requested.filter((n) => !byNumber.has(n));
  if (missing.length > 0)
    return {
      ok: false,
      status: 404,
      message: `Protokollet saknar ${formatParagraphRanges(compressParagraphNumbers(missing))}.`,
    };
  if (audience === "public") {
    const secret = requested.filter((n) => byNumber.get(n)!.isConfidential);
    if (secret.length > 0)
      return {
        ok: false,
        status: 403,
        message: `${formatParagraphRanges(compressParagraphNumbers(secret))} omfattas av sekretess och lämnas inte ut som utdrag här. Begär utdrag hos registraturen; en sekretessprövning görs då.`,
      };
  }
  return { ok: true, paragraphNumbers: [...requested] };
}
