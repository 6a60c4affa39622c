/**
 * The few TrueType tables the renderer reads: metrics (head, hhea, hmtx, OS/2, post, maxp), the
 * PostScript name, the Unicode cmap and glyph outlines. OpenType spec, "TrueType outlines".
 *
 * Why not fontkit at run time: importing it and parsing four faces costs ~40 MB of memory and
 * ~50 ms at start-up, for lookups that are a few table reads. fontkit stays the reference the
 * tests compare these readings with (truetype.test.ts).
 */

export interface TableRecord {
  offset: number;
  length: number;
}

export function readTableDirectory(bytes: Uint8Array): Map<string, TableRecord> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const numTables = view.getUint16(4);
  const tables = new Map<string, TableRecord>();
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    const tag = String.fromCharCode(bytes[rec]!, bytes[rec + 1]!, bytes[rec + 2]!, bytes[rec + 3]!);
    tables.set(tag, { offset: view.getUint32(rec + 8), length: view.getUint32(rec + 12) });
  }
  return tables;
}

export interface TrueTypeFont {
  unitsPerEm: number;
  numGlyphs: number;
  postscriptName: string;
  ascent: number;
  descent: number;
  capHeight: number;
  xHeight: number;
  italicAngle: number;
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
  /** Advance widths in font units, per glyph id. */
  advances: Uint16Array;
  /** Glyph id for a Unicode code point; 0 when the font has none. */
  glyphId(codePoint: number): number;
  /** Outline of a glyph as closed contours of cubic segments, in font units, y up. */
  outline(glyphId: number): PathCommand[];
}

export type PathCommand =
  | { op: "M"; x: number; y: number }
  | { op: "L"; x: number; y: number }
  | { op: "Q"; cx: number; cy: number; x: number; y: number }
  | { op: "Z" };

export function parseTrueType(bytes: Uint8Array): TrueTypeFont {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = readTableDirectory(bytes);
  const table = (tag: string): TableRecord => {
    const t = tables.get(tag);
    if (!t) throw new Error(`TrueType-tabellen ${tag} saknas.`);
    return t;
  };
  const head = table("head");
  const hhea = table("hhea");
  const maxp = table("maxp");
  const hmtx = table("hmtx");
  const unitsPerEm = view.getUint16(head.offset + 18);
  const numGlyphs = view.getUint16(maxp.offset + 4);
  const numberOfHMetrics = view.getUint16(hhea.offset + 34);

  const advances = new Uint16Array(numGlyphs);
  let last = 0;
  for (let gid = 0; gid < numGlyphs; gid++) {
    if (gid < numberOfHMetrics) last = view.getUint16(hmtx.offset + gid * 4);
    advances[gid] = last;
  }

  const os2 = tables.get("OS/2");
  const os2Version = os2 ? view.getUint16(os2.offset) : 0;
  const post = tables.get("post");

  return {
    unitsPerEm,
    numGlyphs,
    postscriptName: readPostscriptName(bytes, view, tables.get("name")) ?? "Font",
    ascent: view.getInt16(hhea.offset + 4),
    descent: view.getInt16(hhea.offset + 6),
    capHeight: os2 && os2Version >= 2 ? view.getInt16(os2.offset + 88) : view.getInt16(hhea.offset + 4),
    xHeight: os2 && os2Version >= 2 ? view.getInt16(os2.offset + 86) : 0,
    italicAngle: post ? view.getInt16(post.offset + 4) + view.getUint16(post.offset + 6) / 65536 : 0,
    bbox: {
      minX: view.getInt16(head.offset + 36),
      minY: view.getInt16(head.offset + 38),
      maxX: view.getInt16(head.offset + 40),
      maxY: view.getInt16(head.offset + 42),
    },
    advances,
    glyphId: cmapLookup(view, table("cmap")),
    outline: glyphOutlines(view, tables, numGlyphs),
  };
}

function readPostscriptName(bytes: Uint8Array, view: DataView, name: TableRecord | undefined): string | null {
  if (!name) return null;
  const count = view.getUint16(name.offset + 2);
  const strings = name.offset + view.getUint16(name.offset + 4);
  for (let i = 0; i < count; i++) {
    const rec = name.offset + 6 + i * 12;
    const platform = view.getUint16(rec);
    const nameId = view.getUint16(rec + 6);
    if (nameId !== 6) continue;
    const length = view.getUint16(rec + 8);
    const start = strings + view.getUint16(rec + 10);
    if (platform === 3 || platform === 0) {
      let s = "";
      for (let k = 0; k < length; k += 2) s += String.fromCharCode(view.getUint16(start + k));
      return s;
    }
    if (platform === 1) return String.fromCharCode(...bytes.subarray(start, start + length));
  }
  return null;
}

/** A Unicode cmap subtable, format 12 (full Unicode) preferred over format 4 (BMP). */
function cmapLookup(view: DataView, cmap: TableRecord): (cp: number) => number {
  const count = view.getUint16(cmap.offset + 2);
  let format4 = -1;
  let format12 = -1;
  for (let i = 0; i < count; i++) {
    const rec = cmap.offset + 4 + i * 8;
    const platform = view.getUint16(rec);
    const encoding = view.getUint16(rec + 2);
    const sub = cmap.offset + view.getUint32(rec + 4);
    const format = view.getUint16(sub);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 12 && format12 < 0) format12 = sub;
    if (format === 4 && format4 < 0) format4 = sub;
  }
  if (format12 >= 0) {
    const groups = view.getUint32(format12 + 12);
    return (cp) => {
      let lo = 0;
      let hi = groups - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const g = format12 + 16 + mid * 12;
        const start = view.getUint32(g);
        const end = view.getUint32(g + 4);
        if (cp < start) hi = mid - 1;
        else if (cp > end) lo = mid + 1;
        else return view.getUint32(g + 8) + (cp - start);
      }
      return 0;
    };
  }
  if (format4 >= 0) {
    const segX2 = view.getUint16(format4 + 6);
    const ends = format4 + 14;
    const starts = ends + segX2 + 2;
    const deltas = starts + segX2;
    const rangeOffsets = deltas + segX2;
    return (cp) => {
      if (cp > 0xffff) return 0;
      let lo = 0;
      let hi = segX2 / 2 - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const end = view.getUint16(ends + mid * 2);
        const start = view.getUint16(starts + mid * 2);
        if (cp > end) lo = mid + 1;
        else if (cp < start) hi = mid - 1;
        else {
          const delta = view.getInt16(deltas + mid * 2);
          const ro = view.getUint16(rangeOffsets + mid * 2);
          if (ro === 0) return (cp + delta) & 0xffff;
          const gid = view.getUint16(rangeOffsets + mid * 2 + ro + (cp - start) * 2);
          return gid === 0 ? 0 : (gid + delta) & 0xffff;
        }
      }
      return 0;
    };
  }
  return () => 0;
}

// A simple glyph's point flags. Each axis has its own pair: with `short` the delta is one byte and
// `sameOrPositive` is its sign; without it, `sameOrPositive` means "same as before", else two bytes.
const ON_CURVE = 0x01;
const REPEAT = 0x08;
const X_AXIS = { short: 0x02, sameOrPositive: 0x10 } as const;
const Y_AXIS = { short: 0x04, sameOrPositive: 0x20 } as const;

const ARG_1_AND_2_ARE_WORDS = 0x0001;
const ARGS_ARE_XY_VALUES = 0x0002;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

interface Point {
  x: number;
  y: number;
  on: boolean;
}

function glyphOutlines(
  view: DataView,
  tables: Map<string, TableRecord>,
  numGlyphs: number,
): (gid: number) => PathCommand[] {
  const glyf = tables.get("glyf");
  const loca = tables.get("loca");
  const head = tables.get("head");
  if (!glyf || !loca || !head) return () => [];
  const longLoca = view.getInt16(head.offset + 50) === 1;
  const glyphStart = (gid: number) =>
    longLoca ? view.getUint32(loca.offset + gid * 4) : view.getUint16(loca.offset + gid * 2) * 2;

  const contoursOf = (gid: number, depth: number): Point[][] => {
    if (gid < 0 || gid >= numGlyphs || depth > 8) return [];
    const start = glyf.offset + glyphStart(gid);
    const end = glyf.offset + glyphStart(gid + 1);
    if (end - start < 10) return [];
    const numberOfContours = view.getInt16(start);
    if (numberOfContours >= 0) return simpleGlyph(view, start, numberOfContours);
    const contours: Point[][] = [];
    let p = start + 10;
    for (;;) {
      const flags = view.getUint16(p);
      const component = view.getUint16(p + 2);
      p += 4;
      let dx = 0;
      let dy = 0;
      if (flags & ARG_1_AND_2_ARE_WORDS) {
        dx = view.getInt16(p);
        dy = view.getInt16(p + 2);
        p += 4;
      } else {
        dx = view.getInt8(p);
        dy = view.getInt8(p + 1);
        p += 2;
      }
      if (!(flags & ARGS_ARE_XY_VALUES)) dx = dy = 0; // point matching: not used by our fonts
      let [a, b, c, d] = [1, 0, 0, 1];
      const f2dot14 = (o: number) => view.getInt16(o) / 16384;
      if (flags & WE_HAVE_A_SCALE) {
        a = d = f2dot14(p);
        p += 2;
      } else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) {
        a = f2dot14(p);
        d = f2dot14(p + 2);
        p += 4;
      } else if (flags & WE_HAVE_A_TWO_BY_TWO) {
        a = f2dot14(p);
        b = f2dot14(p + 2);
        c = f2dot14(p + 4);
        d = f2dot14(p + 6);
        p += 8;
      }
      for (const contour of contoursOf(component, depth + 1)) {
        contours.push(contour.map((pt) => ({ x: a * pt.x + c * pt.y + dx, y: b * pt.x + d * pt.y + dy, on: pt.on })));
      }
      if (!(flags & MORE_COMPONENTS)) break;
    }
    return contours;
  };

  return (gid) => {
    const commands: PathCommand[] = [];
    for (const contour of contoursOf(gid, 0)) commands.push(...contourPath(contour));
    return commands;
  };
}

function simpleGlyph(view: DataView, start: number, numberOfContours: number): Point[][] {
  const endPts: number[] = [];
  for (let i = 0; i < numberOfContours; i++) endPts.push(view.getUint16(start + 10 + i * 2));
  const numPoints = numberOfContours > 0 ? endPts[numberOfContours - 1]! + 1 : 0;
  let p = start + 10 + numberOfContours * 2;
  p += 2 + view.getUint16(p); // instructions
  const flags = new Uint8Array(numPoints);
  for (let i = 0; i < numPoints;) {
    const flag = view.getUint8(p++);
    flags[i++] = flag;
    if (flag & REPEAT) {
      let repeat = view.getUint8(p++);
      while (repeat-- > 0 && i < numPoints) flags[i++] = flag;
    }
  }
  // All x coordinates come first, then all y coordinates, each as deltas from the previous point.
  const coordinates = ({ short, sameOrPositive }: { short: number; sameOrPositive: number }): number[] => {
    const values = new Array<number>(numPoints);
    let value = 0;
    for (let i = 0; i < numPoints; i++) {
      const f = flags[i]!;
      if (f & short) {
        const v = view.getUint8(p++);
        value += f & sameOrPositive ? v : -v;
      } else if (!(f & sameOrPositive)) {
        value += view.getInt16(p);
        p += 2;
      }
      values[i] = value;
    }
    return values;
  };
  const xs = coordinates(X_AXIS);
  const ys = coordinates(Y_AXIS);
  const points: Point[] = xs.map((x, i) => ({ x, y: ys[i]!, on: (flags[i]! & ON_CURVE) !== 0 }));
  const contours: Point[][] = [];
  let from = 0;
  for (const end of endPts) {
    contours.push(points.slice(from, end + 1));
    from = end + 1;
  }
  return contours;
}

/** TrueType contour (on/off-curve points, implied on-curve midpoints) → path commands. */
function contourPath(points: Point[]): PathCommand[] {
  const n = points.length;
  if (n === 0) return [];
  const mid = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, on: true });
  // Start on an on-curve point (or the midpoint of two off-curve points).
  let startIndex = points.findIndex((pt) => pt.on);
  let start: Point;
  if (startIndex < 0) {
    start = mid(points[0]!, points[1 % n]!);
    startIndex = 1;
  } else {
    start = points[startIndex]!;
    startIndex += 1;
  }
  const commands: PathCommand[] = [{ op: "M", x: start.x, y: start.y }];
  let control: Point | null = null;
  for (let k = 0; k < n; k++) {
    const pt = points[(startIndex + k) % n]!;
    if (pt === start) continue;
    if (pt.on) {
      if (control) commands.push({ op: "Q", cx: control.x, cy: control.y, x: pt.x, y: pt.y });
      else commands.push({ op: "L", x: pt.x, y: pt.y });
      control = null;
    } else {
      if (control) {
        const m = mid(control, pt);
        commands.push({ op: "Q", cx: control.x, cy: control.y, x: m.x, y: m.y });
      }
      control = pt;
    }
  }
  if (control) commands.push({ op: "Q", cx: control.x, cy: control.y, x: start.x, y: start.y });
  commands.push({ op: "Z" });
  return commands;
}
