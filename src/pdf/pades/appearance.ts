/**
 * A signature field's visible appearance: a few lines of text ("Signerat digitalt av …") drawn
 * in the widget's normal appearance stream (/AP /N), nothing else. The page's content and the
 * structure tree stay as they were, so the signatures before stay valid (the incremental update
 * changes only the widget, as signing any field does).
 *
 * PDF/A-2: the font is embedded (a Noto Sans subset with the drawn glyphs, Identity-H with a
 * ToUnicode map, pdf-fonts.ts), so the text can also be extracted and read aloud.
 */
import { PDFRawStream, PDFRef, type PDFContext } from "pdf-lib";
import { loadFonts } from "../fonts/load-fonts";
import { deflate, embedWideFont, WideUsage } from "../pdf-fonts";
import { serialize, type UpdateObject } from "./pdf-update";

export interface SignatureAppearance {
  /** The lines, top to bottom; each is set on one line (smaller when it would not fit). */
  lines: string[];
}

/** Largest and smallest font size (pt); the lines share the size the box allows. */
const MAX_SIZE = 7;
const MIN_SIZE = 3;
const LEADING = 1.2;
const PADDING = 1;
/** The text colour: the grey the renderer prints secondary text in. */
const GREY = "0.33 0.33 0.33";

function hex4(n: number): string {
  return n.toString(16).toUpperCase().padStart(4, "0");
}

/**
 * The appearance's objects, numbered from `next` on: the form XObject (its reference is `ref`)
 * and its font (Type0, CIDFontType2, descriptor, FontFile2, ToUnicode).
 */
export function appearanceObjects(
  context: PDFContext,
  next: number,
  rect: [number, number, number, number],
  appearance: SignatureAppearance,
): { ref: PDFRef; objects: UpdateObject[]; next: number } {
  const width = Math.abs(rect[2] - rect[0]);
  const height = Math.abs(rect[3] - rect[1]);
  if (width <= 0 || height <= 0) throw new Error("Signaturfältet har ingen yta att visa signaturen i.");
  const face = loadFonts().regular;
  const usage = new WideUsage(face);
  const lines = appearance.lines.filter((l) => l.trim() !== "");
  const innerWidth = width - 2 * PADDING;
  const byHeight = (height - 2 * PADDING) / (Math.max(1, lines.length) * LEADING);
  const widest = Math.max(1, ...lines.map((l) => face.measure(l)));
  const size = Math.max(MIN_SIZE, Math.min(MAX_SIZE, byHeight, (innerWidth * 1000) / widest));
  const fontSize = Math.round(size * 100) / 100;

  const ops: string[] = ["q", `${GREY} rg`, "BT", `/S1 ${fontSize} Tf`, `${fontSize * LEADING} TL`];
  const ascent = (face.ascent / 1000) * fontSize;
  // The block of lines centred vertically in the box, the first baseline one ascent below its top.
  const block = lines.length * fontSize * LEADING;
  const top = height - Math.max(PADDING, (height - block) / 2);
  ops.push(`${PADDING} ${(top - ascent).toFixed(2)} Td`);
  lines.forEach((line, i) => {
    let glyphs = "";
    for (const ch of line) glyphs += hex4(usage.encode(ch.codePointAt(0)!));
    ops.push(`${i === 0 ? "" : "T* "}<${glyphs}> Tj`);
  });
  ops.push("ET", "Q");

  const start = next;
  const saved = context.largestObjectNumber;
  context.largestObjectNumber = next - 1;
  try {
    const font = embedWideFont(context, usage);
    const content = deflate(new TextEncoder().encode(ops.join("\n")), 6);
    const form = PDFRawStream.of(
      context.obj({
        Type: "XObject",
        Subtype: "Form",
        BBox: [0, 0, Math.round(width * 100) / 100, Math.round(height * 100) / 100],
        Resources: { Font: { S1: font } },
        Filter: "FlateDecode",
      }),
      content,
    );
    const ref = context.register(form);
    const end = context.largestObjectNumber;
    const objects: UpdateObject[] = [];
    for (let n = start; n <= end; n++) {
      const object = context.lookup(PDFRef.of(n));
      if (object) objects.push({ ref: PDFRef.of(n), body: serialize(object) });
    }
    return { ref, objects, next: end + 1 };
  } finally {
    context.largestObjectNumber = Math.max(saved, context.largestObjectNumber);
  }
}
