// The layout engine with fixed-width fake metrics: every character is half an em wide.
import { describe, expect, it } from "vitest";
import { paginate, Paginator, paragraphUnits, type TextMetrics, type Unit, wrapText } from "./layout";
import { ByteBuilder, formatNumber } from "./pdf-writer";

const metrics: TextMetrics = { measure: (_font, text) => [...text].length * 500 };
const SIZE = 10; // one character = 5 pt
const lineTexts = (lines: ReturnType<typeof wrapText>) => lines.map((l) => l.runs.map((r) => r.text).join(""));

describe("wrapText", () => {
  it("fills lines greedily and collapses spaces", () => {
    const lines = wrapText([{ text: "aaa bbb  ccc\tddd" }], 40, SIZE, metrics); // 8 characters a line
    expect(lineTexts(lines)).toEqual(["aaa bbb", "ccc ddd"]);
    expect(lines[0]!.width).toBe(35);
  });

  it("keeps fonts per run and joins runs inside a word", () => {
    const lines = wrapText(
      [{ text: "fet", bold: true }, { text: "stil och " }, { text: "kursiv", italic: true }],
      200,
      SIZE,
      metrics,
    );
    expect(lines).toEqual([
      {
        runs: [
          { font: "bold", text: "fet" },
          { font: "regular", text: "stil och " },
          { font: "italic", text: "kursiv" },
        ],
        width: 90,
      },
    ]);
  });

  it("cuts a word longer than the line between characters", () => {
    const lines = wrapText([{ text: "ab " + "x".repeat(20) + " cd" }], 40, SIZE, metrics);
    expect(lineTexts(lines)).toEqual(["ab", "xxxxxxxx", "xxxxxxxx", "xxxx cd"]);
  });

  it("breaks at hard breaks and keeps empty lines", () => {
    const lines = wrapText(
      [{ text: "ett", breakAfter: true }, { text: "", breakAfter: true }, { text: "två" }],
      100,
      SIZE,
      metrics,
    );
    expect(lineTexts(lines)).toEqual(["ett", "", "två"]);
  });

  it("drops invisible characters, in every string", () => {
    expect(lineTexts(wrapText([{ text: "sam\u00admanträde\u200b" }], 100, SIZE, metrics))).toEqual(["sammanträde"]);
    expect(lineTexts(wrapText([{ text: "ut\u00addrag" }], 100, SIZE, metrics))).toEqual(["utdrag"]);
  });

  it("gives the same lines on the fast and the general path", () => {
    const text =
      "Kommunchefsberedningen och direktionen har under året beslutat att Google Workspace ska vara en stående punkt.";
    const fast = wrapText([{ text }], 120, SIZE, metrics);
    const general = wrapText([{ text: text.slice(0, 30) }, { text: text.slice(30) }], 120, SIZE, metrics);
    expect(lineTexts(fast)).toEqual(lineTexts(general));
  });
});

const unit = (height: number, extra: Partial<Unit> = {}): Unit => ({
  height,
  spaceBefore: 0,
  ops: [{ op: "line", x1: 0, y1: 0, x2: 1, y2: 0, width: 1 }],
  ...extra,
});

describe("paginate", () => {
  const frame = { top: 0, bottom: 100 };

  it("moves a heading to the next page together with the line after it", () => {
    const units = [unit(80), unit(10, { keepWithNext: true }), unit(20)];
    const pages = paginate(units, frame);
    expect(pages.map((p) => p.layers.length)).toEqual([1, 2]);
  });

  it("drops the space above a unit at the top of a page, and breaks before a marked unit", () => {
    const pages = paginate([unit(10), unit(10, { spaceBefore: 30, pageBreakBefore: true })], frame);
    expect(pages).toHaveLength(2);
    expect(pages[1]!.layers[0]!.dy).toBe(0);
  });

  it("repeats a table's header rows above rows carried to a new page", () => {
    const header = unit(10, { keepWithNext: true });
    const rows = Array.from({ length: 12 }, () => unit(10, { repeatHeader: [header] }));
    const pages = paginate([header, ...rows], frame);
    expect(pages).toHaveLength(2);
    expect(pages[0]!.layers).toHaveLength(10);
    expect(pages[1]!.layers[0]!.ops).toBe(header.ops);
    expect(pages[1]!.layers).toHaveLength(4);
  });

  it("keeps the first and last lines of a paragraph with their neighbours", () => {
    const lines = paragraphUnits([{ text: "a b c d e f" }], 0, 5, { size: SIZE, lineHeight: 10 }, metrics);
    expect(lines.map((l) => !!l.keepWithNext)).toEqual([true, false, false, false, true, false]);
    const pages = paginate([unit(90), ...lines], frame);
    // One line would fit below the 90 pt block, but a first line never stands alone.
    expect(pages[0]!.layers).toHaveLength(1);
  });

  it("gives the same pages when units come in batches", () => {
    const make = () => {
      const units: Unit[] = [];
      for (let i = 0; i < 40; i++)
        units.push(unit(7 + (i % 5), { keepWithNext: i % 3 === 0, spaceBefore: i % 4, pageBreakBefore: i % 17 === 0 }));
      return units;
    };
    const whole = paginate(make(), frame).map((p) => p.layers.map((l) => l.dy));
    const batched: number[][] = [];
    const paginator = new Paginator(frame, (page) => batched.push(page.layers.map((l) => l.dy)));
    const units = make();
    for (let i = 0; i < units.length; i += 3) paginator.add(units.slice(i, i + 3));
    paginator.finish();
    expect(batched).toEqual(whole);
  });

  it("records marks on the page where their unit lands", () => {
    const pages = paginate([unit(60, { marks: ["start:1"] }), unit(60, { marks: ["end:1"] })], frame);
    expect(pages.map((p) => p.marks)).toEqual([["start:1"], ["end:1"]]);
  });
});

describe("numbers in content streams", () => {
  it("writes the same digits straight into the buffer as formatNumber", () => {
    const values = [0, -0, 0.004, -0.005, 0.05, 1, 12.345, 595.28, 841.89, -3.5, 1e-9, 99999.999, -1234.56, 0.1 + 0.2];
    for (let i = 0; i < 500; i++) values.push(Math.sin(i) * 10 ** (i % 6));
    for (const v of values) {
      const b = new ByteBuilder();
      b.num(v);
      expect(Buffer.from(b.buf.subarray(0, b.length)).toString("latin1"), String(v)).toBe(formatNumber(v));
    }
  });
});

describe("formatNumber", () => {
  it("writes at most two decimals, no exponent and no negative zero", () => {
    expect([0, -0.001, 1, 12.345, 0.1, 595.28, -3.5, 1e-9, 841.8899].map(formatNumber)).toEqual([
      "0",
      "0",
      "1",
      "12.35",
      "0.1",
      "595.28",
      "-3.5",
      "0",
      "841.89",
    ]);
  });
});
