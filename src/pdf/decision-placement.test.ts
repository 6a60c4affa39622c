// Issue 14 point 7 in the PDF: the body's choice of decision before or after the sections, a
// section without a heading printed as running text, and an extract of the public projection.
import { describe, expect, it } from "vitest";
import { toPublicProtocol } from "@/domain/publication/public.rules";
import type { ProtocolDTO } from "@/domain/protocol/protocol.types";
import { renderExtractPdf } from "./render-extract";
import { renderProtocolPdf } from "./render-protocol";
import { edgeCaseProtocol, seedProtocol } from "./testing/fixtures";
import { pdfToText } from "./testing/poppler";

/** The day the public copies are made on: before any names rule of the fixtures applies. */
const TODAY = "2026-12-05";

const flat = (pdf: Uint8Array) => pdfToText(pdf).replace(/\s+/g, " ");

/** The § 62 of the seed with one section: "Ärendet" with a known sentence. */
function withOneSection(placement: "BEFORE_SECTIONS" | "AFTER_SECTIONS" | undefined, heading = "Ärendet"): ProtocolDTO {
  const p = seedProtocol();
  if (placement) p.body.decisionPlacement = placement;
  else delete p.body.decisionPlacement;
  const para = p.paragraphs.find((x) => x.number === 62)!;
  para.sections = [
    {
      kind: "CASE",
      heading,
      content: {
        type: "doc",
        content: [{ type: "paragraph", content: [{ type: "text", text: "Ärendebeskrivningens löptext XYZZY." }] }],
      },
    },
  ];
  return p;
}

describe("decision before or after the ärendebeskrivning", () => {
  it.each([
    [undefined, "before"],
    ["BEFORE_SECTIONS", "before"],
    ["AFTER_SECTIONS", "after"],
  ] as const)("%s: the decision comes %s the sections", async (placement, where) => {
    const text = flat(await renderExtractPdf(withOneSection(placement), [62]));
    const decision = text.indexOf("Direktionens beslut");
    const section = text.indexOf("Ärendebeskrivningens löptext XYZZY.");
    expect(decision).toBeGreaterThan(0);
    expect(section).toBeGreaterThan(0);
    expect(decision < section).toBe(where === "before");
    // The section's heading sits with its text, wherever the decision goes.
    expect(text.indexOf("Ärendet Ärendebeskrivningens löptext XYZZY.")).toBeGreaterThan(0);
  });

  it("the whole protocol follows the setting too", async () => {
    const protocol = withOneSection("AFTER_SECTIONS");
    protocol.paragraphs.find((x) => x.number === 62)!.decision.intro = "Direktionen beslutar enligt PLUGH.";
    const text = flat(await renderProtocolPdf(protocol));
    const at = text.indexOf("Ärendebeskrivningens löptext XYZZY.");
    expect(at).toBeGreaterThan(0);
    expect(text.indexOf("Direktionens beslut Direktionen beslutar enligt PLUGH.")).toBeGreaterThan(at);
  });
});

describe("a section without a heading", () => {
  it("prints its text as running text, with no heading of its own", async () => {
    const text = flat(await renderExtractPdf(withOneSection("BEFORE_SECTIONS", "  "), [62]));
    expect(text).toContain("Ärendebeskrivningens löptext XYZZY.");
    expect(text).not.toContain("Ärendet Ärendebeskrivningens");
  });
});

describe("an extract of the public projection", () => {
  it("holds the public § with personnummer masked and the certification", async () => {
    const protocol = edgeCaseProtocol();
    const para = protocol.paragraphs.find((p) => !p.isConfidential && p.number > 1)!;
    para.decision = { intro: `Direktionen beslutar att bevilja 19121212-1212 ansökan.`, clauses: [] };
    const text = flat(await renderExtractPdf(toPublicProtocol(protocol, TODAY), [para.number]));
    expect(text).toContain(para.title);
    expect(text).not.toContain("19121212-1212");
    expect(text).toContain("Utdraget överensstämmer med det justerade protokollet");
  });
});
