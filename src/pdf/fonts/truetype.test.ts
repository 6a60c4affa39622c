// Our TrueType readings and subsets checked against fontkit, the reference implementation.
import * as fontkitNs from "@pdf-lib/fontkit";
import { describe, expect, it } from "vitest";
import { subsetTrueType } from "../truetype-subset";
import { FONT_IDS, loadFonts } from "./load-fonts";
import { parseTrueType, type PathCommand } from "./truetype";

const fontkit: typeof fontkitNs = (fontkitNs as unknown as { default?: typeof fontkitNs }).default ?? fontkitNs;
const faces = loadFonts();
const SAMPLE = "Protokollet är justerat – §§ 59-67: ÅÄÖ åäö é ü ß € ”citat” … 13 498 kr (4,4 %)";

function controlBox(commands: PathCommand[]) {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const c of commands) {
    if (c.op === "Z") continue;
    xs.push(c.x);
    ys.push(c.y);
    if (c.op === "Q") {
      xs.push(c.cx);
      ys.push(c.cy);
    }
  }
  return xs.length
    ? { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) }
    : null;
}

describe.each(FONT_IDS)("Noto Sans %s", (id) => {
  const bytes = faces[id].bytes;
  const ref = fontkit.create(bytes);
  const ours = parseTrueType(bytes);

  it("reads the same metrics, cmap and advances as fontkit", () => {
    expect(ours.unitsPerEm).toBe(ref.unitsPerEm);
    expect(ours.numGlyphs).toBe(ref.numGlyphs);
    expect(ours.postscriptName).toBe(ref.postscriptName);
    expect(ours.ascent).toBe(ref.ascent);
    expect(ours.descent).toBe(ref.descent);
    expect(ours.capHeight).toBe(ref.capHeight);
    expect(ours.xHeight).toBe(ref.xHeight);
    expect(ours.italicAngle).toBeCloseTo(ref.italicAngle, 3);
    expect(ours.bbox).toEqual({ minX: ref.bbox.minX, minY: ref.bbox.minY, maxX: ref.bbox.maxX, maxY: ref.bbox.maxY });
    for (const cp of ref.characterSet) {
      const glyph = ref.glyphForCodePoint(cp);
      expect(ours.glyphId(cp), `U+${cp.toString(16)}`).toBe(glyph.id);
      expect(ours.advances[glyph.id]).toBe(glyph.advanceWidth);
    }
    expect(ours.glyphId(0x1f600)).toBe(0); // no emoji in Noto Sans
  });

  it("draws the same outlines as fontkit", () => {
    for (const ch of "UTKASTåäöÅÄÖéü§g") {
      const glyph = ref.glyphForCodePoint(ch.codePointAt(0)!);
      expect(controlBox(ours.outline(glyph.id)), ch).toEqual({
        minX: glyph.path.cbox.minX,
        minY: glyph.path.cbox.minY,
        maxX: glyph.path.cbox.maxX,
        maxY: glyph.path.cbox.maxY,
      });
    }
  });

  it("subsets to a valid font that keeps glyph ids, composites and advances", () => {
    const gids = [...SAMPLE].map((c) => faces[id].glyphId(c.codePointAt(0)!));
    const subset = subsetTrueType(bytes, gids);
    expect(subset.length).toBeLessThan(bytes.length / 10);
    const parsed = fontkit.create(subset);
    for (const gid of gids) {
      const a = parsed.getGlyph(gid);
      const b = ref.getGlyph(gid);
      expect(a.advanceWidth).toBe(b.advanceWidth);
      expect(a.path.cbox).toEqual(b.path.cbox);
    }
    // Checksums: the whole file sums to 0xB1B0AFBA (OpenType "head" checkSumAdjustment).
    let sum = 0;
    const view = new DataView(subset.buffer, subset.byteOffset, subset.byteLength);
    for (let i = 0; i < subset.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
    expect(sum).toBe(0xb1b0afba);
  });
});
