// The PDFs of a justerat protocol, as the PDF routes serve them. The signed original
// (ProtocolFile) is served when it is exactly what the reader may have. Otherwise a copy: the
// public copy with confidential §§ left out, and/or the protocol with its rättelser and the
// notice dates as they are now (the original keeps the dates set at justering). Each copy is
// rendered and sealed once per state (issued-copies.rules.ts), stored as an IssuedCopy and served
// from storage from then on, so every file handed out verifies on /verifiera. The original is
// never touched.
import type { PrismaClient } from "@/generated/prisma/client";
import { findProtocolBySlug } from "@/server/protocol.queries";
import type { ProtocolDTO } from "@/domain/protocol/protocol.types";
import { findPublicProtocol, isPublicProtocolSlug } from "@/modules/publication/public.queries";
import { renderNoticePdf, renderProtocolPdf } from "@/pdf";
import { sealPdf } from "@/pdf/seal";
import { loadOrCreateSealCertificate } from "@/pdf/seal-certificate";
import { dataDir } from "@/server/config";
import {
  copyFileName,
  planCopy,
  planNotice,
  type CopyAudience,
  type CopyPlan,
} from "@/domain/rules/issued-copies.rules";
import { sha256Hex } from "@/domain/protocol/content-hash";
import { findSignoffInfo } from "@/server/protocol.queries";
import { now, today } from "@/server/clock";
import { NO_RETENTION, noindexOn } from "@/domain/publication/retention";

/** The protocol with what changed after justering: its rättelser and when the notice dates changed. */
export async function withChangesAfterAdjustment(db: PrismaClient, protocol: ProtocolDTO): Promise<ProtocolDTO> {
  const { corrections, noticeRevisedAt } = await findSignoffInfo(db, protocol.meeting.id);
  return {
    ...protocol,
    corrections,
    notice: protocol.notice ? { ...protocol.notice, revisedAt: noticeRevisedAt } : null,
  };
}

/** Renders and seals the copy a plan describes (deterministic: same plan, same bytes). */
export async function renderCopy(plan: CopyPlan): Promise<Uint8Array> {
  const { protocol } = plan;
  const certificate = await loadOrCreateSealCertificate({
    dataDir: dataDir(),
    organisationName: protocol.organisation.name,
    now: now(),
  });
  const rendered = plan.kind === "NOTICE" ? await renderNoticePdf(protocol) : await renderProtocolPdf(protocol);
  return sealPdf(rendered, {
    p12: certificate.p12,
    passphrase: certificate.passphrase,
    reason: plan.reason,
    name: protocol.organisation.name,
    location: protocol.notice?.storagePlace ?? protocol.organisation.name,
    signingTime: plan.signingTime,
  });
}

/** The full copy with the rättelser and changed notice dates, rendered now (not stored); null when nothing changed. */
export async function renderSealedCopy(current: ProtocolDTO): Promise<Uint8Array | null> {
  const plan = planCopy(current, "full", today());
  return plan ? renderCopy(plan) : null;
}

export interface ServedPdf {
  bytes: Uint8Array;
  sha256: string;
  fileName: string;
  /** "original": the signed ProtocolFile; "copy": an IssuedCopy. */
  source: "original" | "copy";
}

// Within this process, one render per copy: concurrent first requests wait for the same one.
const rendering = new Map<string, Promise<{ bytes: Uint8Array; sha256: string }>>();

/**
 * The stored copy for the plan; on first use rendered, sealed and stored. Concurrent first
 * requests (here or in another process) do not fail: the insert skips a copy already there,
 * and what is served is always the stored row.
 */
async function findOrIssueCopy(
  db: PrismaClient,
  meetingId: string,
  plan: CopyPlan,
): Promise<{ bytes: Uint8Array; sha256: string }> {
  const where = { meetingId_kind_fingerprint: { meetingId, kind: plan.kind, fingerprint: plan.fingerprint } };
  const select = { bytes: true, sha256: true } as const;
  const stored = await db.issuedCopy.findUnique({ where, select });
  if (stored) return stored;
  const key = `${meetingId}\n${plan.kind}\n${plan.fingerprint}`;
  let pending = rendering.get(key);
  if (!pending) {
    pending = (async () => {
      const bytes = await renderCopy(plan);
      const sha256 = sha256Hex(bytes);
      await db.issuedCopy.createMany({
        data: [
          {
            meetingId,
            kind: plan.kind,
            fingerprint: plan.fingerprint,
            correctionCount: plan.correctionCount,
            noticeRevisedAt: plan.noticeRevisedAt ? new Date(plan.noticeRevisedAt) : null,
            sealedAt: plan.signingTime,
            bytes: new Uint8Array(bytes),
            sha256,
          },
        ],
        skipDuplicates: true,
      });
      // Another process may have stored its render first; identical bytes lose on the sha256
      // instead. Either way the stored row is the copy.
      return (
        (await db.issuedCopy.findUnique({ where, select })) ??
        (await db.issuedCopy.findUniqueOrThrow({ where: { sha256 }, select }))
      );
    })().finally(() => rendering.delete(key));
    rendering.set(key, pending);
  }
  return pending;
}

async function findOriginal(
  db: PrismaClient,
  meetingId: string,
): Promise<{ bytes: Uint8Array; sha256: string } | null> {
  return db.protocolFile.findUnique({
    where: { meetingId_kind: { meetingId, kind: "PROTOCOL" } },
    select: { bytes: true, sha256: true },
  });
}

async function servePdf(db: PrismaClient, current: ProtocolDTO, audience: CopyAudience): Promise<ServedPdf | null> {
  const slug = current.meeting.slug;
  const plan = planCopy(current, audience, today());
  if (!plan) {
    const original = await findOriginal(db, current.meeting.id);
    return original && { ...original, fileName: `${slug}.pdf`, source: "original" };
  }
  return {
    ...(await findOrIssueCopy(db, current.meeting.id, plan)),
    fileName: copyFileName(slug, plan),
    source: "copy",
  };
}

/**
 * The public PDF of a justerat protocol: the signed original when nothing is withheld and
 * nothing changed after justering, else the public copy. Null: not public, not the organisation's
 * when `organisationId` is given (its public address), or no stored original.
 */
export async function findPublicPdf(
  db: PrismaClient,
  slug: string,
  organisationId?: string,
): Promise<(ServedPdf & { noindex: boolean }) | null> {
  if (!(await isPublicProtocolSlug(db, slug, organisationId))) return null;
  const protocol = await findProtocolBySlug(db, slug);
  if (!protocol) return null;
  const served = await servePdf(db, await withChangesAfterAdjustment(db, protocol), "public");
  return served && { ...served, noindex: publicNoindex(protocol) };
}

/** Whether search engines are asked not to index the protocol's public pages and PDFs today. */
export function publicNoindex(protocol: Pick<ProtocolDTO, "organisation" | "notice">): boolean {
  return noindexOn(protocol.organisation.publicRetention ?? NO_RETENTION, protocol.notice, today());
}

/**
 * The workspace PDF of a justerat protocol. The signed original, unless the notice dates were
 * changed (the original would show stale dates) or `withCorrections` asks for the rättelser:
 * then the full copy. `original` always gives the stored original. "no-changes": the copy was
 * asked for, but nothing changed after justering; null: no stored original.
 */
export async function findAdjustedPdf(
  db: PrismaClient,
  protocol: ProtocolDTO,
  opts: { original?: boolean; withCorrections?: boolean } = {},
): Promise<ServedPdf | "no-changes" | null> {
  const current = await withChangesAfterAdjustment(db, protocol);
  const wantsCopy = !opts.original && (!!current.notice?.revisedAt || !!opts.withCorrections);
  if (!wantsCopy) {
    const original = await findOriginal(db, protocol.meeting.id);
    return original && { ...original, fileName: `${protocol.meeting.slug}.pdf`, source: "original" };
  }
  if (!planCopy(current, "full", today())) return "no-changes";
  return servePdf(db, current, "full");
}

/**
 * The notice (anslag/bevis) PDF of a public protocol: rendered and sealed once per state, stored
 * as an IssuedCopy and served from storage from then on (it was rendered anew on every anonymous
 * request), and verifiable on /verifiera like the other copies. Null: no public notice (of the
 * organisation `organisationId`).
 */
export async function findNoticePdf(
  db: PrismaClient,
  slug: string,
  organisationId?: string,
): Promise<(ServedPdf & { noindex: boolean }) | null> {
  const pub = await findPublicProtocol(db, slug, today(), organisationId);
  const meeting = pub?.notice ? await db.meeting.findUnique({ where: { slug }, select: { id: true } }) : null;
  if (!pub || !meeting) return null;
  const plan = planNotice(pub);
  return {
    ...(await findOrIssueCopy(db, meeting.id, plan)),
    fileName: copyFileName(slug, plan),
    source: "copy",
    noindex: publicNoindex(pub),
  };
}
