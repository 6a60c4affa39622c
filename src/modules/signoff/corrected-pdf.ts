// The protocol with its rättelser appended: a new, sealed copy. The signed original stays in
// storage untouched; this copy is derived from it on request (same input, same bytes).
import path from "node:path";
import type { PrismaClient } from "@/generated/prisma/client";
import type { ProtocolDTO } from "@/modules/protocol/protocol.types";
import { renderProtocolPdf } from "@/pdf";
import { sealPdf } from "@/pdf/seal";
import { loadOrCreateSealCertificate } from "@/pdf/seal-certificate";
import { findSignoffInfo } from "./signoff.queries";

export async function withCorrections(db: PrismaClient, protocol: ProtocolDTO): Promise<ProtocolDTO> {
  const { corrections } = await findSignoffInfo(db, protocol.meeting.id);
  return { ...protocol, corrections };
}

/** Renders and seals the copy; null when there is no rättelse. */
export async function renderCorrectedPdf(protocol: ProtocolDTO): Promise<Uint8Array | null> {
  const corrections = protocol.corrections ?? [];
  if (corrections.length === 0) return null;
  const certificate = await loadOrCreateSealCertificate({
    dataDir: process.env.PARAGRAF_DATA_DIR ?? path.join(process.cwd(), ".data"),
    organisationName: protocol.organisation.name,
  });
  return sealPdf(await renderProtocolPdf(protocol), {
    p12: certificate.p12,
    passphrase: certificate.passphrase,
    reason: `Justerat protokoll med rättelser, ${protocol.body.name} ${protocol.meeting.date}`,
    name: protocol.organisation.name,
    location: protocol.notice?.storagePlace ?? protocol.organisation.name,
    signingTime: new Date(corrections.at(-1)!.signedAt),
  });
}
