/**
 * The kallelse as laid-out pages: a pure function of a SummonsDTO and a TextMetrics, drawn by
 * draw-document.ts like the protocol (same fonts, page geometry, PDF/A metadata and language).
 *
 * Page 1 onwards: the header (organisation, body, "KALLELSE", the meeting date), "Kallelse" with
 * tid and plats, then the numbered ärendelista: per ärende its Dnr, förslag till beslut (intro
 * and att-clauses) and the titles of its handlingar. "Sida N av M" in the footer.
 *
 * The members' version prints every ärende in full. The public version is the same layout over
 * toPublicSummons (public.rules.ts): a confidential ärende is its number and "Sekretessbelagt
 * ärende", a confidential handling is not listed. This file never decides what is secret.
 */
import { displayCaseNumber, formatLongDate } from "@/domain/protocol/protocol.format";
import type { SummonsDTO, SummonsItemDTO } from "@/domain/summons/summons.types";
import { swedishWeekdayName } from "@/lib/iso-date";
import {
  type DrawOp,
  type FontId,
  paginate,
  type ParagraphStyle,
  paragraphUnits,
  type Rgb,
  type StructElem,
  structElem,
  tagOps,
  tagUnits,
  type TextMetrics,
  type Unit,
} from "./layout";
import {
  BLACK,
  FRAME,
  GREY,
  keepSectionSignsWithNumbers,
  type LaidOutDocument,
  LEFT,
  RIGHT,
  RULE,
  WIDTH,
} from "./protocol-model";

const BODY: ParagraphStyle = { size: 11, lineHeight: 16, spaceBefore: 6 };
const LABEL_W = 110;
const ITEM_INDENT = 26;
const BULLET_INDENT = 14;

export type SummonsVersion = "members" | "public";

const plain = (text: string) => [{ text: keepSectionSignsWithNumbers(text) }];

function textOp(x: number, y: number, size: number, font: FontId, text: string, color: Rgb = BLACK): DrawOp {
  return { op: "text", x, y, size, runs: [{ font, text }], color };
}

function rightText(metrics: TextMetrics, y: number, size: number, font: FontId, text: string, color: Rgb = BLACK) {
  return textOp(RIGHT - (metrics.measure(font, text) * size) / 1000, y, size, font, text, color);
}

function keepAll(units: Unit[]): Unit[] {
  for (const u of units) u.keepWithNext = true;
  return units;
}

/** "torsdag 18 november 2021 kl. 10:00 – 12:00" */
export function formatSummonsTime(meeting: SummonsDTO["meeting"]): string {
  const time = [meeting.startTime, meeting.endTime].filter(Boolean).join(" – ");
  return `${swedishWeekdayName(meeting.date)} ${formatLongDate(meeting.date)}${time ? ` kl. ${time}` : ""}`;
}

/** A label and its value side by side, the value wrapping: a TR of `table` (TH scope Row, TD). */
function row(label: string, value: string, metrics: TextMetrics, first: boolean, table: StructElem): Unit[] {
  const tr = structElem("TR", table);
  const th = structElem("TH", tr, { scope: "Row" });
  const units = paragraphUnits(plain(value), LEFT + LABEL_W, WIDTH - LABEL_W, { ...BODY, spaceBefore: 0 }, metrics);
  tagUnits(units, structElem("TD", tr));
  const head = units[0]!;
  const labelOp = textOp(LEFT, head.ops[0] && head.ops[0].op === "text" ? head.ops[0].y : 11, BODY.size, "bold", label);
  tagOps([labelOp], th);
  head.ops = [
    { op: "line", x1: LEFT, y1: -5, x2: RIGHT, y2: -5, width: first ? 0.75 : 0.4, color: first ? BLACK : RULE },
    labelOp,
    ...head.ops,
  ];
  head.spaceBefore = 10;
  return units;
}

/**
 * One line of a list under an ärende (an att-clause, a handling): indented, the marker in the
 * margin. An LI of `list`: the marker its Lbl, the text its LBody.
 */
function bulletUnits(
  text: string,
  marker: string,
  spaceBefore: number,
  x: number,
  w: number,
  metrics: TextMetrics,
  list: StructElem,
) {
  const li = structElem("LI", list);
  const lbl = structElem("Lbl", li);
  const lines = paragraphUnits(plain(text), x + BULLET_INDENT, w - BULLET_INDENT, { ...BODY, spaceBefore }, metrics);
  tagUnits(lines, structElem("LBody", li));
  const first = lines[0]!;
  const y = first.ops[0]?.op === "text" ? first.ops[0].y : 11;
  const mark = textOp(x + 2, y, BODY.size, "regular", marker);
  tagOps([mark], lbl);
  first.ops.unshift(mark);
  return lines;
}

/** One ärende as a Sect of `parent`: number and title as H3, facts and proposal as P, lists as L. */
function itemUnits(
  summons: SummonsDTO,
  item: SummonsItemDTO,
  metrics: TextMetrics,
  version: SummonsVersion,
  parent: StructElem,
): Unit[] {
  const x = LEFT + ITEM_INDENT;
  const w = WIDTH - ITEM_INDENT;
  const units: Unit[] = [];
  const sect = structElem("Sect", parent);
  const p = (lines: Unit[]) => tagUnits(lines, structElem("P", sect));
  const title = paragraphUnits(
    plain(item.title),
    x,
    w,
    { size: 11.5, lineHeight: 16, bold: true, spaceBefore: 16 },
    metrics,
  );
  // The number first: it is read before the title.
  title[0]!.ops.unshift(
    textOp(LEFT, title[0]!.ops[0]?.op === "text" ? title[0]!.ops[0].y : 11, 11.5, "bold", `${item.number}.`),
  );
  units.push(...keepAll(tagUnits(title, structElem("H3", sect))));
  const dnr = displayCaseNumber(item.caseNumber, summons.organisation.caseNumberPrefix);
  const facts: string[] = [];
  // The members' copy says so, that it is not passed on; the public one has only the number left.
  if (item.isConfidential && version === "members") facts.push("Sekretess: lämnas inte ut");
  if (dnr) facts.push(dnr);
  if (item.responsible) facts.push(`Ansvarig: ${item.responsible}`);
  for (const fact of facts) {
    units.push(...keepAll(p(paragraphUnits(plain(fact), x, w, { size: 10, lineHeight: 14, color: GREY }, metrics))));
  }
  if (item.proposalIntro.trim() || item.proposalClauses.length > 0) {
    units.push(...keepAll(p(paragraphUnits(plain("Förslag till beslut"), x, w, { ...BODY, italic: true }, metrics))));
    if (item.proposalIntro.trim())
      units.push(...p(paragraphUnits(plain(item.proposalIntro), x, w, { ...BODY, spaceBefore: 2 }, metrics)));
    const list = structElem("L", sect);
    for (const clause of item.proposalClauses) units.push(...bulletUnits(clause, "–", 3, x, w, metrics, list));
  }
  if (item.documents.length > 0) {
    units.push(...keepAll(p(paragraphUnits(plain("Handlingar"), x, w, { ...BODY, italic: true }, metrics))));
    const list = structElem("L", sect);
    for (const d of item.documents) {
      const kind = d.mimeType === "application/pdf" ? "PDF" : "Word";
      units.push(...bulletUnits(`${d.title} (${kind})`, "•", 2, x, w, metrics, list));
    }
  }
  return units;
}

/**
 * The page header. With `root` (the first page) it is content, its elements put first in the
 * tree: organisation P, body and "KALLELSE" the H1, date and version P; elsewhere an artifact.
 */
function headerOps(
  summons: SummonsDTO,
  version: SummonsVersion,
  metrics: TextMetrics,
  root: StructElem | null,
): DrawOp[] {
  const ops: DrawOp[] = [
    textOp(LEFT, 44, 9, "regular", summons.organisation.name, GREY),
    textOp(LEFT, 66, 17, "bold", summons.body.name),
    rightText(metrics, 44, 9, "bold", "KALLELSE"),
    rightText(metrics, 57, 9, "regular", `Sammanträdesdatum ${summons.meeting.date}`),
    ...(version === "public" ? [rightText(metrics, 70, 9, "regular", "Offentlig version", GREY)] : []),
    { op: "line", x1: LEFT, y1: 80, x2: RIGHT, y2: 80, width: 0.75, color: BLACK },
  ];
  if (root) {
    const head = structElem("Document");
    tagOps(ops.slice(0, 1), structElem("P", head));
    tagOps(ops.slice(1, 3), structElem("H1", head));
    tagOps(ops.slice(3), structElem("P", head));
    root.kids.unshift(...head.kids);
  }
  return ops;
}

/**
 * The kallelse laid out. `version` only changes the header and the closing note: what is printed
 * of each ärende is decided before, by toPublicSummons for the public version.
 */
export function layoutSummons(summons: SummonsDTO, metrics: TextMetrics, version: SummonsVersion): LaidOutDocument {
  const { body, meeting, organisation } = summons;
  const units: Unit[] = [];
  const root = structElem("Document");
  const p = (lines: Unit[]) => tagUnits(lines, structElem("P", root));
  units.push(
    ...keepAll(
      tagUnits(
        paragraphUnits(plain("Kallelse"), LEFT, WIDTH, { size: 15, lineHeight: 20, bold: true }, metrics),
        structElem("H2", root),
      ),
    ),
  );
  units.push(
    ...p(
      paragraphUnits(
        plain(`Ledamöter och ersättare i ${body.name.toLowerCase()} kallas till sammanträde.`),
        LEFT,
        WIDTH,
        { ...BODY, spaceBefore: 8 },
        metrics,
      ),
    ),
  );
  units.push({ height: 8, spaceBefore: 0, ops: [] });
  const table = structElem("Table", root);
  units.push(...row("Tid", formatSummonsTime(meeting), metrics, true, table));
  units.push(...row("Plats", meeting.place, metrics, false, table));
  units.push({
    height: 0,
    spaceBefore: 8,
    ops: [{ op: "line", x1: LEFT, y1: 0, x2: RIGHT, y2: 0, width: 0.75, color: BLACK }],
  });
  units.push(
    ...keepAll(
      tagUnits(
        paragraphUnits(
          plain("Ärenden"),
          LEFT,
          WIDTH,
          { size: 13, lineHeight: 18, bold: true, spaceBefore: 16 },
          metrics,
        ),
        structElem("H2", root),
      ),
    ),
  );
  if (summons.items.length === 0) {
    units.push(...p(paragraphUnits(plain("Ärendelistan är tom."), LEFT, WIDTH, BODY, metrics)));
  }
  for (const item of summons.items) units.push(...itemUnits(summons, item, metrics, version, root));
  const closing =
    version === "members"
      ? "Ledamot som inte kan delta meddelar sekreteraren så snart som möjligt, så att ersättare kan kallas."
      : "Handlingar med sekretess lämnas inte ut i den offentliga versionen.";
  units.push(
    ...p(paragraphUnits(plain(closing), LEFT, WIDTH, { ...BODY, size: 10, color: GREY, spaceBefore: 24 }, metrics)),
  );

  const pages = paginate(units, FRAME);
  const header = headerOps(summons, version, metrics, null);
  const firstHeader = headerOps(summons, version, metrics, root);
  return {
    structure: root,
    pages: pages.map((page, i) => ({
      layers: [{ dy: 0, ops: i === 0 ? firstHeader : header }, ...page.layers],
      late: [...page.late, { dy: 0, ops: [rightText(metrics, 792, 9, "regular", `Sida ${i + 1} av ${pages.length}`)] }],
    })),
    metadata: {
      title: `Kallelse ${body.name} ${meeting.date}${version === "public" ? " (offentlig version)" : ""}`,
      author: organisation.name,
      subject: `Kallelse till sammanträde med ${body.name.toLowerCase()} ${meeting.date}`,
      keywords: ["kallelse", organisation.name, body.name, meeting.date],
      language: "sv-SE",
      date: meeting.summonsSentAt ?? meeting.date,
    },
    paragraphPages: new Map(),
  };
}
