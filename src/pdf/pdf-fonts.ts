/**
 * How text is encoded in the content streams, and the font dictionaries that decode it.
 *
 * Each face is embedded as up to two Type0 fonts over CIDFontType2 programs (CID = GID):
 *
 * - a "one-byte" font for the characters nearly every Swedish protocol is written with (ASCII,
 *   Latin-1, common punctuation): one byte per character through an embedded encoding CMap,
 *   with a subset, CMap and ToUnicode that are the same for every document, so they are made
 *   and compressed once per process. One byte a character halves the content streams, and with
 *   them the time spent compressing them.
 * - a "wide" font, only when a document uses other characters (Łukasz, Ωmega): Identity-H, two
 *   bytes a glyph, subset per document.
 *
 * PDF/A-2 (ISO 19005-2, 6.2.11.3): the encoding CMap is embedded, its WMode matches, and its
 * CIDSystemInfo (Adobe-Identity-0) matches the CIDFont's. Every glyph has a ToUnicode entry.
 */
import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";
import { PDFArray, type PDFContext, type PDFDict, PDFNumber, PDFRawStream, type PDFRef, PDFString } from "pdf-lib";
import type { FontFace, FontId } from "./fonts/load-fonts";
import { subsetTrueType } from "./truetype-subset";

export function deflate(data: Uint8Array, level = 1): Uint8Array {
  const z = deflateSync(data, { level });
  return new Uint8Array(z.buffer, z.byteOffset, z.byteLength);
}

export function flateStream(
  context: PDFContext,
  compressed: Uint8Array,
  extra: Record<string, unknown> = {},
): PDFRawStream {
  const dict = context.obj({ ...extra, Filter: "FlateDecode" } as never) as unknown as PDFDict;
  return PDFRawStream.of(dict, compressed);
}

// ---------------------------------------------------------------------------------------------
// The one-byte code table
// ---------------------------------------------------------------------------------------------

/** Characters beyond Latin-1 that get one-byte codes (in the C1 range 0x80–0x9F, as cp1252 does). */
const EXTRA = "–—‘’‚“”„•…‰€−′″‐‑\u2009\u202f";

/** Code point → one-byte code, or -1 for characters that need the wide font. */
export const CODE = new Int16Array(0x10000).fill(-1);
/** One-byte code → code point (0 = unused). */
const CODE_POINT = new Uint32Array(256);
(() => {
  const assign = (code: number, cp: number) => {
    CODE[cp] = code;
    CODE_POINT[code] = cp;
  };
  for (let cp = 0x20; cp <= 0x7e; cp++) assign(cp, cp);
  for (let cp = 0xa0; cp <= 0xff; cp++) if (cp !== 0xad) assign(cp, cp);
  [...EXTRA].forEach((ch, i) => assign(0x80 + i, ch.codePointAt(0)!));
})();

// ---------------------------------------------------------------------------------------------
// The one-byte font, made once per face
// ---------------------------------------------------------------------------------------------

interface OneByteFont {
  baseFont: string;
  program: Uint8Array;
  programLength: number;
  /** [code, gid, width] for each code the face can draw. */
  codes: { code: number; gid: number; width: number }[];
  gids: number[];
  encoding: Uint8Array;
  toUnicode: Uint8Array;
  cmapName: string;
}

const oneByteFonts = new WeakMap<FontFace, OneByteFont>();

function subsetTag(face: FontFace, gids: readonly number[]): string {
  // A subset's name carries a six-letter tag (PDF 32000-1 9.6.4); derived from the glyphs so
  // that it is stable for the same text.
  const digest = createHash("sha256").update(face.postscriptName).update(gids.join(",")).digest();
  let tag = "";
  for (let i = 0; i < 6; i++) tag += String.fromCharCode(65 + (digest[i]! % 26));
  return tag;
}

const hex2 = (n: number) => n.toString(16).toUpperCase().padStart(2, "0");
const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, "0");
function utf16Hex(cp: number): string {
  if (cp < 0x10000) return hex4(cp);
  const v = cp - 0x10000;
  return hex4(0xd800 + (v >> 10)) + hex4(0xdc00 + (v & 0x3ff));
}

function cmapBlocks(entries: string[], kind: "cidchar" | "bfchar"): string[] {
  const lines: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    lines.push(`${chunk.length} begin${kind}`, ...chunk, `end${kind}`);
  }
  return lines;
}

function toUnicodeCMap(codespace: string, entries: string[]): string {
  return [
    "/CIDInit /ProcSet findresource begin",
    "12 dict begin",
    "begincmap",
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
    "/CMapName /Adobe-Identity-UCS def",
    "/CMapType 2 def",
    "1 begincodespacerange",
    codespace,
    "endcodespacerange",
    ...cmapBlocks(entries, "bfchar"),
    "endcmap",
    "CMapName currentdict /CIDInit /ProcSet findresource exch defineresource pop",
    "end",
    "end",
  ].join("\n");
}

export function oneByteFont(face: FontFace): OneByteFont {
  let font = oneByteFonts.get(face);
  if (font) return font;
  const codes: OneByteFont["codes"] = [];
  for (let code = 0; code < 256; code++) {
    const cp = CODE_POINT[code]!;
    if (cp === 0) continue;
    const gid = face.glyphId(cp);
    // A character the face lacks is drawn as "?" (PDF/A forbids showing .notdef).
    codes.push({
      code,
      gid: gid === 0 ? face.glyphId(0x3f) : gid,
      width: face.advance(gid === 0 ? face.glyphId(0x3f) : gid),
    });
  }
  const gids = [...new Set(codes.map((c) => c.gid))].sort((a, b) => a - b);
  const program = subsetTrueType(face.bytes, gids);
  const tag = subsetTag(face, gids);
  const cmapName = `Paragraf-${face.postscriptName}-1B`;
  const encoding = [
    "/CIDInit /ProcSet findresource begin",
    "12 dict begin",
    "begincmap",
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> def",
    `/CMapName /${cmapName} def`,
    "/CMapType 1 def",
    "/WMode 0 def",
    "1 begincodespacerange",
    "<00> <FF>",
    "endcodespacerange",
    ...cmapBlocks(
      codes.map((c) => `<${hex2(c.code)}> ${c.gid}`),
      "cidchar",
    ),
    "endcmap",
    "CMapName currentdict /CMap defineresource pop",
    "end",
    "end",
  ].join("\n");
  const toUnicode = toUnicodeCMap(
    "<00> <FF>",
    codes.map(
      (c) => `<${hex2(c.code)}> <${utf16Hex(face.glyphId(CODE_POINT[c.code]!) === 0 ? 0x3f : CODE_POINT[c.code]!)}>`,
    ),
  );
  const enc = new TextEncoder();
  font = {
    baseFont: `${tag}+${face.postscriptName}`,
    program: deflate(program, 6),
    programLength: program.length,
    codes,
    gids,
    encoding: deflate(enc.encode(encoding), 6),
    toUnicode: deflate(enc.encode(toUnicode), 6),
    cmapName,
  };
  oneByteFonts.set(face, font);
  return font;
}

// ---------------------------------------------------------------------------------------------
// The wide font: the rest, per document
// ---------------------------------------------------------------------------------------------

/** Tracks the glyphs a document draws with a face's wide font, and the character of each. */
export class WideUsage {
  readonly used = new Set<number>();
  readonly unicode = new Map<number, number>();
  private readonly cache = new Map<number, number>();
  private readonly questionMark: number;
  constructor(readonly face: FontFace) {
    this.questionMark = face.glyphId(0x3f);
  }
  /** Glyph id to draw for a code point; a missing glyph is drawn as "?" (PDF/A forbids .notdef). */
  encode(cp: number): number {
    const hit = this.cache.get(cp);
    if (hit !== undefined) return hit;
    let gid = this.face.glyphId(cp);
    let unicode = cp;
    if (gid === 0) {
      gid = this.questionMark;
      unicode = 0x3f;
    }
    if (!this.used.has(gid)) {
      this.used.add(gid);
      this.unicode.set(gid, unicode);
    }
    this.cache.set(cp, gid);
    return gid;
  }
}

// ---------------------------------------------------------------------------------------------
// Font dictionaries
// ---------------------------------------------------------------------------------------------

function widthsArray(context: PDFContext, entries: { gid: number; width: number }[]): PDFArray {
  const widths = PDFArray.withContext(context);
  let run: PDFArray | null = null;
  let prev = -2;
  for (const { gid, width } of entries) {
    if (gid === prev) continue;
    if (gid !== prev + 1 || !run) {
      run = PDFArray.withContext(context);
      widths.push(PDFNumber.of(gid));
      widths.push(run);
    }
    run.push(PDFNumber.of(Math.round(width * 100) / 100));
    prev = gid;
  }
  return widths;
}

function descendant(
  context: PDFContext,
  face: FontFace,
  baseFont: string,
  program: Uint8Array,
  programLength: number,
  widths: PDFArray,
): PDFRef {
  const [minX, minY, maxX, maxY] = face.bbox;
  const fontFile = context.register(flateStream(context, program, { Length1: programLength }));
  // Flags: Nonsymbolic (32), Italic (64).
  const descriptor = context.register(
    context.obj({
      Type: "FontDescriptor",
      FontName: baseFont,
      Flags: 32 + (face.isItalic ? 64 : 0),
      FontBBox: [Math.round(minX), Math.round(minY), Math.round(maxX), Math.round(maxY)],
      ItalicAngle: face.italicAngle,
      Ascent: Math.round(face.ascent),
      Descent: Math.round(face.descent),
      CapHeight: Math.round(face.capHeight),
      XHeight: Math.round(face.xHeight),
      StemV: face.id === "bold" || face.id === "boldItalic" ? 140 : 80,
      FontFile2: fontFile,
    }),
  );
  return context.register(
    context.obj({
      Type: "Font",
      Subtype: "CIDFontType2",
      BaseFont: baseFont,
      CIDSystemInfo: { Registry: PDFString.of("Adobe"), Ordering: PDFString.of("Identity"), Supplement: 0 },
      FontDescriptor: descriptor,
      CIDToGIDMap: "Identity",
      W: widths,
    }),
  );
}

export function embedOneByteFont(context: PDFContext, face: FontFace): PDFRef {
  const font = oneByteFont(face);
  const sorted = [...font.codes].sort((a, b) => a.gid - b.gid);
  const cidFont = descendant(
    context,
    face,
    font.baseFont,
    font.program,
    font.programLength,
    widthsArray(context, sorted),
  );
  const encoding = context.register(
    flateStream(context, font.encoding, {
      Type: "CMap",
      CMapName: font.cmapName,
      CIDSystemInfo: { Registry: PDFString.of("Adobe"), Ordering: PDFString.of("Identity"), Supplement: 0 },
      WMode: 0,
    }),
  );
  return context.register(
    context.obj({
      Type: "Font",
      Subtype: "Type0",
      BaseFont: font.baseFont,
      Encoding: encoding,
      DescendantFonts: [cidFont],
      ToUnicode: context.register(flateStream(context, font.toUnicode)),
    }),
  );
}

export function embedWideFont(context: PDFContext, usage: WideUsage): PDFRef {
  const face = usage.face;
  const gids = [...usage.used].sort((a, b) => a - b);
  const program = subsetTrueType(face.bytes, gids);
  const baseFont = `${subsetTag(face, gids)}+${face.postscriptName}`;
  const widths = widthsArray(
    context,
    gids.map((gid) => ({ gid, width: face.advance(gid) })),
  );
  const cidFont = descendant(context, face, baseFont, deflate(program, 6), program.length, widths);
  const toUnicode = toUnicodeCMap(
    "<0000> <FFFF>",
    gids.map((gid) => `<${hex4(gid)}> <${utf16Hex(usage.unicode.get(gid)!)}>`),
  );
  return context.register(
    context.obj({
      Type: "Font",
      Subtype: "Type0",
      BaseFont: baseFont,
      Encoding: "Identity-H",
      DescendantFonts: [cidFont],
      ToUnicode: context.register(flateStream(context, deflate(new TextEncoder().encode(toUnicode), 6))),
    }),
  );
}

export const ONE_BYTE_NAMES: Record<FontId, string> = { regular: "F1", bold: "F2", italic: "F3", boldItalic: "F4" };
export const WIDE_NAMES: Record<FontId, string> = { regular: "W1", bold: "W2", italic: "W3", boldItalic: "W4" };
