// The protocol as it stands after justering: a new, sealed copy showing what the signed original
// cannot, the rättelser appended and the notice dates as they are now (the secretary may change
// them after justering; the original's ANSLAG/BEVIS block keeps the dates set at justering). The
// signed original stays in storage untouched; this copy is derived from current data on request
// (same input, same bytes).
import path from "node:path";
import type { PrismaClient } from "@/generated/prisma/client";
import type { ProtocolDTO } from "@/modules/protocol/protocol.types";
import { renderProtocolPdf } from "@/pdf";
import { sealPdf } from "@/pdf/seal";
import { loadOrCreateSealCertificate } from "@/pdf/seal-certificate";
import { findSignoffInfo } from "./signoff.queries";

/** The protocol with what changed after justering: its rättelser and when the notice dates changed. */
export async function withChangesAfterAdjustment(db: PrismaClient, protocol: ProtocolDTO): Promise<ProtocolDTO> {
  const { corrections, noticeRevisedAt } = await findSignoffInfo(db, protocol.meeting.id);
  return { ...protocol, corrections, notice: protocol.notice ? { ...protocol.notice, revisedAt: noticeRevisedAt } : null };
}

/** The instant of the latest change after justering, or null when the stored original is current. */
export function latestChangeAfterAdjustment(protocol: ProtocolDTO): Date | null {
  const instants = [...(protocol.corrections ?? []).map((c) => c.signedAt), ...(protocol.notice?.revisedAt ? [protocol.notice.revisedAt] : [])];
  if (instants.length === 0) return null;
  return new Date(Math.max(...instants.map((i) => new Date(i).getTime())));
}

/** Renders and seals the copy, dated by the latest change; null when there is nothing to add to the original. */
export async function renderSealedCopy(protocol: ProtocolDTO): Promise<Uint8Array | null> {
  const signingTime = latestChangeAfterAdjustment(protocol);
  if (signingTime === null) return null;
  const what = [(protocol.corrections?.length ?? 0) > 0 ? "rättelser" : null, protocol.notice?.revisedAt ? "ändrade anslagsdatum" : null].filter(Boolean).join(" och ");
  const certificate = await loadOrCreateSealCertificate({
    dataDir: process.env.PARAGRAF_DATA_DIR ?? path.join(process.cwd(), ".data"),
    organisationName: protocol.organisation.name,
  });
  return sealPdf(await renderProtocolPdf(protocol), {
    p12: certificate.p12,
    passphrase: certificate.passphrase,
    reason: `Justerat protokoll med ${what}, ${protocol.body.name} ${protocol.meeting.date}`,
    name: protocol.organisation.name,
    location: protocol.notice?.storagePlace ?? protocol.organisation.name,
    signingTime,
  });
}
