/**
 * The fonts the PDFs are set in: Noto Sans (SIL Open Font License 1.1, see OFL.txt beside this
 * file), four static TrueType faces. PDF/A requires every font to be embedded, and Swedish
 * letters (å ä ö é ü) need a real font rather than the PDF standard 14.
 *
 * Each face is read and parsed once per process; glyph ids and advances are cached per code
 * point, and word widths per word, so that laying out a 200-§ protocol never runs a shaping
 * engine (fontkit lays out the whole string on every call: the bottleneck measured when the
 * PDF toolchain was chosen). Text is set without OpenType features (no kerning, no ligatures): that keeps
 * the extracted text identical to the input and every word's width a plain sum of advances.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FontId } from "../layout";
import { parseTrueType } from "./truetype";

export type { FontId } from "../layout";
export const FONT_IDS: readonly FontId[] = ["regular", "bold", "italic", "boldItalic"];

const FILE_NAMES: Record<FontId, string> = {
  regular: "NotoSans-Regular.ttf",
  bold: "NotoSans-Bold.ttf",
  italic: "NotoSans-Italic.ttf",
  boldItalic: "NotoSans-BoldItalic.ttf",
};

/** A parsed face with the few numbers the layout and the PDF font dictionaries need. */
export interface FontFace {
  id: FontId;
  postscriptName: string;
  bytes: Uint8Array;
  /** Font metrics in 1/1000 em. */
  ascent: number;
  descent: number;
  capHeight: number;
  xHeight: number;
  italicAngle: number;
  bbox: [number, number, number, number];
  isItalic: boolean;
  /** Glyph id for a code point; 0 (.notdef) when the font has no glyph for it. */
  glyphId(codePoint: number): number;
  /** Advance width of a glyph in 1/1000 em. */
  advance(glyphId: number): number;
  /** Width of a string in 1/1000 em (no kerning), cached per string. */
  measure(text: string): number;
  /** Width of text.slice(start, end) in 1/1000 em, summed from cached advances. */
  measureRange(text: string, start: number, end: number): number;
  /**
   * The string's glyph outlines as PDF path operators (m l c h) in 1/1000 em, y up, from the
   * baseline origin: for marks that must be seen but not read as text (the draft mark).
   */
  outline(text: string): string;
}

function fontDirs(): string[] {
  const dirs: string[] = [];
  try {
    dirs.push(path.dirname(fileURLToPath(import.meta.url)));
  } catch {
    // Bundlers may give a non-file URL; fall back to the source tree below.
  }
  dirs.push(path.join(process.cwd(), "src", "pdf", "fonts"));
  return dirs;
}

function readFontFile(fileName: string): Uint8Array {
  for (const dir of fontDirs()) {
    const file = path.join(dir, fileName);
    if (existsSync(file)) return new Uint8Array(readFileSync(file));
  }
  throw new Error(`Typsnittet ${fileName} saknas i src/pdf/fonts.`);
}

const WORD_CACHE_LIMIT = 100_000;
/** Code points below this are cached in a typed array (Latin, Greek, Cyrillic, punctuation). */
const DIRECT = 0x3000;

export function createFace(id: FontId, bytes: Uint8Array): FontFace {
  const font = parseTrueType(bytes);
  const scale = 1000 / font.unitsPerEm;
  const advances = Float64Array.from(font.advances, (a) => a * scale);
  const direct = new Int32Array(DIRECT).fill(-1);
  const other = new Map<number, number>();
  const words = new Map<string, number>();

  const glyphId = (cp: number): number => {
    if (cp < DIRECT) {
      const cached = direct[cp]!;
      if (cached >= 0) return cached;
      return (direct[cp] = font.glyphId(cp));
    }
    let gid = other.get(cp);
    if (gid === undefined) other.set(cp, (gid = font.glyphId(cp)));
    return gid;
  };
  const questionMark = font.glyphId(0x3f);
  const advance = (gid: number): number => advances[gid] ?? 0;
  const measure = (text: string): number => {
    const hit = words.get(text);
    if (hit !== undefined) return hit;
    let width = 0;
    for (let i = 0; i < text.length; i++) {
      let cp = text.charCodeAt(i);
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
        cp = text.codePointAt(i)!;
        i++;
      }
      // A character the font lacks is drawn as "?" (see pdf-writer.ts), so it is measured as one.
      const gid = glyphId(cp);
      width += advances[gid === 0 ? questionMark : gid] ?? 0;
    }
    if (words.size >= WORD_CACHE_LIMIT) words.clear();
    words.set(text, width);
    return width;
  };

  // Advance per code point for the common range, -1 until looked up.
  const directWidth = new Float64Array(DIRECT).fill(-1);
  const measureRange = (text: string, start: number, end: number): number => {
    let width = 0;
    for (let i = start; i < end; i++) {
      const cp = text.charCodeAt(i);
      if (cp < DIRECT) {
        let w = directWidth[cp]!;
        if (w < 0) {
          const gid = glyphId(cp);
          w = directWidth[cp] = advances[gid === 0 ? questionMark : gid] ?? 0;
        }
        width += w;
      } else {
        return measure(text.slice(start, end));
      }
    }
    return width;
  };

  const outlines = new Map<string, string>();
  const outline = (text: string): string => {
    const hit = outlines.get(text);
    if (hit !== undefined) return hit;
    const f = (n: number) => String(Math.round(n * scale * 100) / 100);
    const ops: string[] = [];
    let x0 = 0; // font units
    for (const ch of text) {
      const gid = glyphId(ch.codePointAt(0)!);
      let cx = 0;
      let cy = 0;
      for (const c of font.outline(gid)) {
        if (c.op === "M" || c.op === "L") {
          ops.push(`${f(c.x + x0)} ${f(c.y)} ${c.op === "M" ? "m" : "l"}`);
          [cx, cy] = [c.x, c.y];
        } else if (c.op === "Q") {
          // Quadratic → cubic: control points two thirds of the way to the quadratic one.
          const c1x = cx + ((c.cx - cx) * 2) / 3;
          const c1y = cy + ((c.cy - cy) * 2) / 3;
          const c2x = c.x + ((c.cx - c.x) * 2) / 3;
          const c2y = c.y + ((c.cy - c.y) * 2) / 3;
          ops.push(`${f(c1x + x0)} ${f(c1y)} ${f(c2x + x0)} ${f(c2y)} ${f(c.x + x0)} ${f(c.y)} c`);
          [cx, cy] = [c.x, c.y];
        } else {
          ops.push("h");
        }
      }
      x0 += font.advances[gid] ?? 0;
    }
    const path = ops.join("\n");
    outlines.set(text, path);
    return path;
  };

  const bb = font.bbox;
  return {
    id,
    postscriptName: font.postscriptName,
    bytes,
    ascent: font.ascent * scale,
    descent: font.descent * scale,
    capHeight: (font.capHeight || font.ascent) * scale,
    xHeight: font.xHeight * scale,
    italicAngle: font.italicAngle,
    bbox: [bb.minX * scale, bb.minY * scale, bb.maxX * scale, bb.maxY * scale],
    isItalic: id === "italic" || id === "boldItalic",
    glyphId,
    advance,
    measure,
    measureRange,
    outline,
  };
}

let faces: Record<FontId, FontFace> | null = null;

/** The four faces, loaded and parsed on first call and kept for the life of the process. */
export function loadFonts(): Record<FontId, FontFace> {
  if (faces) return faces;
  const loaded = {} as Record<FontId, FontFace>;
  for (const id of FONT_IDS) loaded[id] = createFace(id, readFontFile(FILE_NAMES[id]));
  faces = loaded;
  return loaded;
}
