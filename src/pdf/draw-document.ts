/**
 * Draws a laid-out document (protocol-model.ts) with pdf-lib through PdfWriter, and the shared
 * plumbing of the three public renderers: fonts loaded once per process, metrics from them.
 */
import { type FontFace, type FontId, loadFonts } from "./fonts/load-fonts";
import type { ProtocolDTO } from "@/domain/protocol/protocol.types";
import type { Placement, Rgb, TextMetrics } from "./layout";
import { type LaidOutDocument, PAGE, streamProtocol } from "./protocol-model";
import { type PageCanvas, PdfWriter } from "./pdf-writer";

const BLACK: Rgb = [0, 0, 0];

/** Text widths from the embedded fonts themselves, so layout and PDF agree to the point. */
export function fontMetrics(faces: Record<FontId, FontFace> = loadFonts()): TextMetrics {
  return {
    measure: (font, text) => faces[font].measure(text),
    measureRange: (font, text, start, end) => faces[font].measureRange(text, start, end),
  };
}

function drawLayers(canvas: PageCanvas, layers: readonly Placement[], faces: Record<FontId, FontFace>): void {
  for (const layer of layers) {
    const dy = layer.dy;
    for (const op of layer.ops) {
      switch (op.op) {
        case "text":
          canvas.text(op.x, op.y + dy, op.runs, op.size, op.color ?? BLACK);
          break;
        case "outlinedText":
          canvas.outlinedText(op.x, op.y + dy, op.degrees, faces[op.font], op.text, op.size, op.color ?? BLACK);
          break;
        case "line":
          canvas.line(op.x1, op.y1 + dy, op.x2, op.y2 + dy, op.width, op.color ?? BLACK);
          break;
        case "rect":
          canvas.rect(op.x, op.y + dy, op.w, op.h, { fill: op.fill, stroke: op.stroke });
          break;
      }
    }
  }
}

/** Draws a document laid out whole: every page's layers, then every page's late layers. */
export async function drawDocument(
  doc: LaidOutDocument,
  faces: Record<FontId, FontFace> = loadFonts(),
): Promise<Uint8Array> {
  const writer = await PdfWriter.create(faces);
  for (const page of doc.pages) drawLayers(writer.addPage(PAGE.width, PAGE.height), page.layers, faces);
  doc.pages.forEach((page, i) => drawLayers(writer.continuePage(i), page.late, faces));
  return writer.finish(doc.metadata);
}

/**
 * The protocol drawn page by page as the layout fills each one, then the late layers: the same
 * bytes as drawDocument(layoutProtocol(…)), without holding the whole layout in memory.
 */
export async function drawProtocolStream(
  protocol: ProtocolDTO,
  faces: Record<FontId, FontFace> = loadFonts(),
): Promise<Uint8Array> {
  const writer = await PdfWriter.create(faces);
  const stream = streamProtocol(protocol, fontMetrics(faces), (page) =>
    drawLayers(writer.addPage(PAGE.width, PAGE.height), page.layers, faces),
  );
  for (let i = 0; i < stream.pageCount; i++) drawLayers(writer.continuePage(i), stream.late(i), faces);
  return writer.finish(stream.metadata);
}
