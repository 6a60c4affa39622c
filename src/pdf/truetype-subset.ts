/**
 * A TrueType subsetter that keeps glyph ids unchanged.
 *
 * Why not fontkit's subsetter: it renumbers glyphs, so text can only be encoded after the whole
 * document is known, and it costs ~3 ms per face per document (more than the rest of a 16-page
 * protocol). Keeping ids lets the PDF use CID = GID (CIDToGIDMap /Identity) and makes subsetting
 * a copy of the used glyph records: well under a millisecond.
 *
 * The result keeps the tables a PDF viewer needs for a CIDFontType2 program (PDF 32000-1 9.9:
 * head, hhea, loca, maxp, glyf, hmtx, plus cvt/fpgm/prep when present) and OS/2 and a format 3
 * post table for tools that look for them. Unused glyphs become empty; glyphs beyond the highest
 * used id are dropped.
 */

const KEEP = new Set(["OS/2", "cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "post", "prep"]);

interface TableRecord {
  tag: string;
  offset: number;
  length: number;
}

function readTables(bytes: Uint8Array, view: DataView): Map<string, TableRecord> {
  const numTables = view.getUint16(4);
  const tables = new Map<string, TableRecord>();
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    const tag = String.fromCharCode(bytes[rec]!, bytes[rec + 1]!, bytes[rec + 2]!, bytes[rec + 3]!);
    tables.set(tag, { tag, offset: view.getUint32(rec + 8), length: view.getUint32(rec + 12) });
  }
  return tables;
}

function required(tables: Map<string, TableRecord>, tag: string): TableRecord {
  const t = tables.get(tag);
  if (!t) throw new Error(`TrueType-tabellen ${tag} saknas.`);
  return t;
}

// Composite glyph flags (OpenType spec, glyf table).
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

function checksum(bytes: Uint8Array, offset: number, length: number): number {
  let sum = 0;
  const end = offset + length;
  for (let i = offset; i < end; i += 4) {
    const word =
      ((bytes[i] ?? 0) << 24) | ((bytes[i + 1] ?? 0) << 16) | ((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0);
    sum = (sum + (word >>> 0)) >>> 0;
  }
  return sum;
}

/**
 * Returns a TrueType font program holding only `glyphIds` (and .notdef and the components of
 * composite glyphs), each at its original id.
 */
export function subsetTrueType(font: Uint8Array, glyphIds: Iterable<number>): Uint8Array {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = readTables(font, view);
  const head = required(tables, "head");
  const maxp = required(tables, "maxp");
  const hhea = required(tables, "hhea");
  const hmtx = required(tables, "hmtx");
  const loca = required(tables, "loca");
  const glyf = required(tables, "glyf");

  const numGlyphs = view.getUint16(maxp.offset + 4);
  const longLoca = view.getInt16(head.offset + 50) === 1;
  const glyphStart = (gid: number): number =>
    longLoca ? view.getUint32(loca.offset + gid * 4) : view.getUint16(loca.offset + gid * 2) * 2;

  // Close the set over composite components.
  const used = new Set<number>([0]);
  const stack: number[] = [];
  for (const gid of glyphIds)
    if (gid >= 0 && gid < numGlyphs && !used.has(gid)) {
      used.add(gid);
      stack.push(gid);
    }
  while (stack.length > 0) {
    const gid = stack.pop()!;
    const start = glyf.offset + glyphStart(gid);
    const end = glyf.offset + glyphStart(gid + 1);
    if (end - start < 10 || view.getInt16(start) >= 0) continue;
    let p = start + 10;
    for (;;) {
      const flags = view.getUint16(p);
      const component = view.getUint16(p + 2);
      if (component < numGlyphs && !used.has(component)) {
        used.add(component);
        stack.push(component);
      }
      p += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
      if (flags & WE_HAVE_A_SCALE) p += 2;
      else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) p += 4;
      else if (flags & WE_HAVE_A_TWO_BY_TWO) p += 8;
      if (!(flags & MORE_COMPONENTS)) break;
    }
  }

  let maxGid = 0;
  for (const gid of used) if (gid > maxGid) maxGid = gid;
  const outGlyphs = maxGid + 1;

  // glyf + loca (long offsets).
  let glyfSize = 0;
  for (const gid of used) glyfSize += (glyphStart(gid + 1) - glyphStart(gid) + 3) & ~3;
  const newGlyf = new Uint8Array(glyfSize);
  const newLoca = new Uint8Array((outGlyphs + 1) * 4);
  const locaView = new DataView(newLoca.buffer);
  let cursor = 0;
  for (let gid = 0; gid < outGlyphs; gid++) {
    locaView.setUint32(gid * 4, cursor);
    if (!used.has(gid)) continue;
    const start = glyf.offset + glyphStart(gid);
    const len = glyphStart(gid + 1) - glyphStart(gid);
    newGlyf.set(font.subarray(start, start + len), cursor);
    cursor += (len + 3) & ~3;
  }
  locaView.setUint32(outGlyphs * 4, cursor);

  // hmtx: keep long metrics up to the last glyph kept.
  const numberOfHMetrics = view.getUint16(hhea.offset + 34);
  const newHMetrics = Math.min(numberOfHMetrics, outGlyphs);
  const newHmtx = new Uint8Array(newHMetrics * 4 + (outGlyphs - newHMetrics) * 2);
  newHmtx.set(font.subarray(hmtx.offset, hmtx.offset + newHMetrics * 4), 0);
  if (outGlyphs > newHMetrics) {
    const lsbStart = hmtx.offset + numberOfHMetrics * 4 + (newHMetrics - numberOfHMetrics) * 2;
    newHmtx.set(font.subarray(lsbStart, lsbStart + (outGlyphs - newHMetrics) * 2), newHMetrics * 4);
  }

  const copy = (t: TableRecord): Uint8Array => font.slice(t.offset, t.offset + t.length);
  const newHead = copy(head);
  const headView = new DataView(newHead.buffer);
  headView.setUint32(8, 0); // checkSumAdjustment, set below
  headView.setInt16(50, 1); // indexToLocFormat: long
  const newHhea = copy(hhea);
  new DataView(newHhea.buffer).setUint16(34, newHMetrics);
  const newMaxp = copy(maxp);
  new DataView(newMaxp.buffer).setUint16(4, outGlyphs);

  const out = new Map<string, Uint8Array>([
    ["glyf", newGlyf],
    ["loca", newLoca],
    ["hmtx", newHmtx],
    ["head", newHead],
    ["hhea", newHhea],
    ["maxp", newMaxp],
  ]);
  const post = tables.get("post");
  if (post && post.length >= 32) {
    const newPost = font.slice(post.offset, post.offset + 32);
    new DataView(newPost.buffer).setUint32(0, 0x00030000); // format 3: no glyph names
    out.set("post", newPost);
  }
  for (const tag of KEEP) {
    const t = tables.get(tag);
    if (t && !out.has(tag)) out.set(tag, copy(t));
  }

  const tags = [...out.keys()].sort();
  const numTables = tags.length;
  let entrySelector = 0;
  while (1 << (entrySelector + 1) <= numTables) entrySelector++;
  const searchRange = (1 << entrySelector) * 16;
  const dirSize = 12 + numTables * 16;
  let total = dirSize;
  for (const tag of tags) total += (out.get(tag)!.length + 3) & ~3;

  const result = new Uint8Array(total);
  const rv = new DataView(result.buffer);
  rv.setUint32(0, 0x00010000);
  rv.setUint16(4, numTables);
  rv.setUint16(6, searchRange);
  rv.setUint16(8, entrySelector);
  rv.setUint16(10, numTables * 16 - searchRange);
  let offset = dirSize;
  let headOffset = 0;
  tags.forEach((tag, i) => {
    const data = out.get(tag)!;
    const rec = 12 + i * 16;
    for (let k = 0; k < 4; k++) result[rec + k] = tag.charCodeAt(k);
    result.set(data, offset);
    rv.setUint32(rec + 4, checksum(result, offset, data.length));
    rv.setUint32(rec + 8, offset);
    rv.setUint32(rec + 12, data.length);
    if (tag === "head") headOffset = offset;
    offset += (data.length + 3) & ~3;
  });
  rv.setUint32(headOffset + 8, (0xb1b0afba - checksum(result, 0, total)) >>> 0);
  return result;
}
