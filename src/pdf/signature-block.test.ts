// The signature block with signers per § (issue 14 point 3), read back from the PDF: one line per
// signer and role with the §§ they answer for ("Paragrafer 59-64, 67"), the cover's justerare
// with their §§ (no-break space after §§), and the seed's block unchanged without them.
import { beforeAll, describe, expect, it } from "vitest";
import type { ProtocolDTO, SignerDTO } from "@/domain/protocol/protocol.types";
import { renderProtocolPdf } from "./render-protocol";
import { seedProtocol } from "./testing/fixtures";
import { pdfToText } from "./testing/poppler";

/** The seed with a second secretary for §§ 65-66, the vice chair chairing § 67, per-§ justerare. */
export function perParagraphProtocol(): ProtocolDTO {
  const p = seedProtocol();
  const person = (name: string) => {
    const a = p.attendance.find((x) => x.name === name)!;
    return { personId: a.personId, name: a.name };
  };
  const signers: SignerDTO[] = [
    {
      ...person("Joakim Karlsson"),
      role: "SECRETARY",
      ranges: [
        { from: 59, to: 64 },
        { from: 67, to: 67 },
      ],
    },
    { ...person("Henrik Remmerfelt"), role: "SECRETARY", ranges: [{ from: 65, to: 66 }] },
    { ...person("Jacob Käll"), role: "CHAIR", ranges: [{ from: 59, to: 66 }] },
    { ...person("Elisabet Hagström"), role: "CHAIR", ranges: [{ from: 67, to: 67 }] },
    { ...person("Annicki Oscarsson"), role: "ADJUSTER", ranges: [] },
    { ...person("Elisabet Hagström"), role: "ADJUSTER", ranges: [{ from: 59, to: 66 }] },
  ];
  return {
    ...p,
    meeting: { ...p.meeting, status: "READY_FOR_ADJUSTMENT", adjustedOn: null },
    signers,
    signatures: signers.map((s) => ({ ...s, signedAt: null, contentHash: null })),
  };
}

/** The cover page's lines from "Justerare" to ANSLAG/BEVIS or the page's end, spaces collapsed. */
function block(text: string): string[] {
  const from = text.indexOf("Justerare");
  const to = [text.indexOf("ANSLAG/BEVIS", from), text.indexOf("Justerandes sign", from)].filter((i) => i > 0);
  return text
    .slice(from, Math.min(...to))
    .split("\n")
    .map((l) => l.replace(/[ \t]+/g, " ").trim())
    .filter(Boolean);
}

describe("the signature block with signers per §", () => {
  let lines: string[];
  let raw: string;
  beforeAll(async () => {
    raw = pdfToText(await renderProtocolPdf(perParagraphProtocol()), { first: 1, last: 1, layout: true });
    lines = block(raw);
  }, 60_000);

  it("prints one line per signer and role, each with the §§ they answer for", () => {
    const signatureLines = lines.slice(lines.indexOf("Underskrifter") + 1);
    expect(signatureLines).toEqual([
      "Sekreterare Joakim Karlsson Paragrafer 59-64, 67",
      "Sekreterare Henrik Remmerfelt Paragrafer 65-66",
      "Ordförande Jacob Käll Paragrafer 59-66",
      "Ordförande Elisabet Hagström Paragraf 67",
      "Justerare Annicki Oscarsson Paragrafer 59-67",
      "Justerare Elisabet Hagström Paragrafer 59-66",
    ]);
  });

  it("names the justerare on the cover with their §§, the §§ sign kept with its number", () => {
    expect(lines[0]).toMatch(/^Justerare Annicki Oscarsson$/);
    // pdftotext reads the no-break space back as a space.
    expect(lines[1]).toMatch(/^Elisabet Hagström §§[ \u00a0]59-66$/);
  });

  it("without signers per §, prints the seed's block: the span once, on the secretary's line", async () => {
    const seed = block(pdfToText(await renderProtocolPdf(seedProtocol()), { first: 1, last: 1, layout: true }));
    const roles = seed.filter((l) => /^(Sekreterare|Ordförande|Justerare) /.test(l));
    expect(roles).toEqual([
      "Justerare Annicki Oscarsson",
      "Sekreterare Joakim Karlsson Paragrafer 59-67",
      "Ordförande Jacob Käll",
      "Justerare Annicki Oscarsson",
    ]);
  }, 60_000);
});
