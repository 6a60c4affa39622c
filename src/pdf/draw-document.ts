/**
 * Draws a laid-out document (protocol-model.ts) with pdf-lib through PdfWriter, and the shared
 * plumbing of the three public renderers: fonts loaded once per process, metrics from them.
 */
import { type FontFace, type FontId, loadFonts } from "./fonts/load-fonts";
import type { ProtocolDTO } from "@/domain/protocol/protocol.types";
import { type DrawOp, type Placement, type StructElem, structElem, type TextMetrics } from "./layout";
import {
  BLACK,
  type LaidOutDocument,
  type LaidOutPage,
  PAGE,
  type ProtocolStream,
  type SigningLayout,
  streamProtocol,
} from "./protocol-model";
import { type PageCanvas, PdfWriter } from "./pdf-writer";
import { type PageMarker, Tagger } from "./tagging";

/** Text widths from the embedded fonts themselves, so layout and PDF agree to the point. */
export function fontMetrics(faces: Record<FontId, FontFace> = loadFonts()): TextMetrics {
  return {
    measure: (font, text) => faces[font].measure(text),
    measureRange: (font, text, start, end) => faces[font].measureRange(text, start, end),
  };
}

/** Renderer options. `tagged: false` is for the benchmark only (the cost of tagging). */
export interface DrawOptions {
  tagged?: boolean;
  /** The protocol as sent for justering, with a signature field per signer (protocol-model.ts). */
  signing?: SigningLayout;
}

type TextOp = Extract<DrawOp, { op: "text" }>;

const WHITESPACE_END = /\s$/;
const WHITESPACE_START = /^\s/;

/**
 * Whether `op` needs a word space drawn after it: the next text op continues the same structure
 * element (the next line of a paragraph, the next part of a heading), so that the element's text
 * reads "one two", not "onetwo" (a wrapped line loses the space it broke at). Not when the line
 * ends inside a cut word.
 */
function needsSpace(op: TextOp, next: DrawOp | undefined, artifact: boolean, nextArtifact: boolean): boolean {
  if (!op.tag || artifact || op.cut || !next || next.op !== "text" || next.tag !== op.tag || nextArtifact) return false;
  const last = op.runs[op.runs.length - 1];
  const first = next.runs[0];
  return !!last && !!first && !WHITESPACE_END.test(last.text) && !WHITESPACE_START.test(first.text);
}

function drawLayers(
  canvas: PageCanvas,
  layers: readonly Placement[],
  faces: Record<FontId, FontFace>,
  marker: PageMarker | null,
): void {
  // Each op is drawn when the next one is known (the space between the lines of an element).
  let prev: { op: DrawOp; dy: number; artifact: boolean } | null = null;
  const draw = (op: DrawOp, dy: number, artifact: boolean, next?: DrawOp, nextArtifact = false) => {
    marker?.before(op, artifact);
    switch (op.op) {
      case "text": {
        const runs =
          marker && needsSpace(op, next, artifact, nextArtifact)
            ? [...op.runs, { font: op.runs[op.runs.length - 1]!.font, text: " " }]
            : op.runs;
        canvas.text(op.x, op.y + dy, runs, op.size, op.color ?? BLACK);
        break;
      }
      case "outlinedText":
        canvas.outlinedText(op.x, op.y + dy, op.degrees, faces[op.font], op.text, op.size, op.color ?? BLACK);
        break;
      case "line":
        canvas.line(op.x1, op.y1 + dy, op.x2, op.y2 + dy, op.width, op.color ?? BLACK);
        break;
      case "rect":
        canvas.rect(op.x, op.y + dy, op.w, op.h, { fill: op.fill, stroke: op.stroke });
        break;
      case "field":
        canvas.field(op.x, op.y + dy, op.w, op.h, op.name, op.description, op.tag);
        break;
    }
  };
  for (const layer of layers) {
    const artifact = layer.artifact === true;
    for (const op of layer.ops) {
      if (prev) draw(prev.op, prev.dy, prev.artifact, op, artifact);
      prev = { op, dy: layer.dy, artifact };
    }
  }
  if (prev) draw(prev.op, prev.dy, prev.artifact);
  marker?.end();
}

/** What the second pass needs of a document whose pages were drawn: how many, their late layers, metadata. */
type DrawnPages = Pick<ProtocolStream, "pageCount" | "late" | "metadata">;

/**
 * The two passes of every drawing: `layout` hands each page to `drawPage` as it is laid out (its
 * layers drawn at once), then every page's late layers are drawn (what depends on the whole
 * document: page numbers, the footer).
 */
async function drawInTwoPasses(
  faces: Record<FontId, FontFace>,
  structure: StructElem,
  opts: DrawOptions,
  layout: (drawPage: (page: Omit<LaidOutPage, "late">, index: number) => void) => DrawnPages,
): Promise<Uint8Array> {
  const writer = await PdfWriter.create(faces);
  const tagger = opts.tagged === false ? null : new Tagger(structure);
  const drawn = layout((page, index) => {
    const canvas = writer.addPage(PAGE.width, PAGE.height);
    drawLayers(canvas, page.layers, faces, tagger?.page(canvas, index) ?? null);
  });
  for (let i = 0; i < drawn.pageCount; i++) {
    const canvas = writer.continuePage(i);
    drawLayers(canvas, drawn.late(i), faces, tagger?.page(canvas, i) ?? null);
  }
  return writer.finish(drawn.metadata, tagger);
}

/** Draws a document laid out whole: every page's layers, then every page's late layers. */
export async function drawDocument(
  doc: LaidOutDocument,
  faces: Record<FontId, FontFace> = loadFonts(),
  opts: DrawOptions = {},
): Promise<Uint8Array> {
  return drawInTwoPasses(faces, doc.structure, opts, (drawPage) => {
    doc.pages.forEach(drawPage);
    return { pageCount: doc.pages.length, late: (i) => doc.pages[i]!.late, metadata: doc.metadata };
  });
}

/**
 * The protocol drawn page by page as the layout fills each one, then the late layers: the same
 * bytes as drawDocument(layoutProtocol(…)), without holding the whole layout in memory.
 */
export async function drawProtocolStream(
  protocol: ProtocolDTO,
  faces: Record<FontId, FontFace> = loadFonts(),
  opts: DrawOptions = {},
): Promise<Uint8Array> {
  const structure = structElem("Document");
  return drawInTwoPasses(faces, structure, opts, (drawPage) =>
    streamProtocol(protocol, fontMetrics(faces), drawPage, structure, opts.signing),
  );
}
