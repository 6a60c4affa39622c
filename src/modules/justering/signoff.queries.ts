import type { PrismaClient } from "@/generated/prisma/client";
import { meetingWhereForActor, type Actor } from "@/server/authz";
import { isoDateOf } from "@/lib/iso-date";
import type { ParagraphRange } from "@/lib/paragraph-ranges";
import type { SignatureRole } from "@/domain/protocol/protocol.types";
import { signerParagraphsText } from "@/domain/rules/signers.rules";
import { signatureRoleTerms } from "@/domain/vocabulary";

export interface AuditEntryDTO {
  at: string;
  who: string;
  action: string;
  ip: string | null;
}

const ACTION_LABELS: Record<string, string> = {
  "meeting.create": "Skapade sammanträdet",
  "meeting.header": "Ändrade sammanträdets uppgifter",
  "meeting.signers": "Ändrade undertecknarna per paragraf",
  "meeting.attendance": "Ändrade närvaron",
  "paragraph.add": "Lade till en paragraf",
  "paragraph.save": "Sparade en paragraf",
  "paragraph.move": "Flyttade en paragraf",
  "paragraph.delete": "Tog bort en paragraf",
  "paragraph.reorder": "Ändrade paragrafernas ordning",
  "earkiv.export": "Hämtade e-arkivpaket",
  "attachment.upload": "Laddade upp en bilaga",
  "attachment.delete": "Tog bort en bilaga",
  "protocol.sendForAdjustment": "Skickade till justering",
  "protocol.return": "Skickade tillbaka till sekreteraren",
  "protocol.sign": "Signerade",
  "protocol.sign.refused": "Signering nekad: vem som justerar måste rättas",
  "protocol.sign.eid-start": "Började signera med e-legitimation",
  "protocol.sign.eid-refused": "Signering med e-legitimation nekad",
  "protocol.sign.eid-mismatch": "Signering nekad: e-legitimationen tillhörde någon annan",
  "protocol.adjusted": "Protokollet justerades",
  "protocol.correction": "Lade till en rättelse",
  "notice.edit": "Ändrade anslagets datum",
  "auth.reentry.failed": "Fel lösenord vid signering",
  "auth.reentry.limited": "Signering spärrad: för många felaktiga lösenord",
};

/** "uppsatt 2021-12-15 → 2021-12-16" from a notice.edit audit row's { postedOn: { from, to } … }. */
function describeNoticeEdit(data: unknown): string | null {
  if (!data || typeof data !== "object") return null;
  const parts: string[] = [];
  for (const [key, label] of [
    ["postedOn", "uppsatt"],
    ["takeDownOn", "nedtaget"],
  ] as const) {
    const change = (data as Record<string, { from?: unknown; to?: unknown } | undefined>)[key];
    if (change && typeof change.from === "string" && typeof change.to === "string" && change.from !== change.to)
      parts.push(`${label} ${change.from} → ${change.to}`);
  }
  return parts.length > 0 ? parts.join(", ") : null;
}

export async function findAuditLog(db: PrismaClient, meetingId: string, limit = 200): Promise<AuditEntryDTO[]> {
  const rows = await db.auditLog.findMany({
    where: { meetingId },
    orderBy: { at: "desc" },
    take: limit,
    include: { user: { select: { name: true } } },
  });
  return rows.map((r) => {
    const label = ACTION_LABELS[r.action] ?? r.action;
    const details = r.action === "notice.edit" ? describeNoticeEdit(r.data) : null;
    return {
      at: r.at.toISOString(),
      who: r.user?.name ?? "Systemet",
      action: details ? `${label}: ${details}` : label,
      ip: r.ip,
    };
  });
}

const rangesOf = (g: { fromNumbers: number[]; toNumbers: number[] }) =>
  g.fromNumbers.map((from, i) => ({ from, to: g.toNumbers[i] ?? from }));

/** What one signer answers for, role by role: "ordförande, Paragraf 7; justerare, Paragrafer 1-6". */
export function dutiesText(
  duties: readonly { role: SignatureRole; ranges: readonly ParagraphRange[] }[],
  numbers: readonly number[],
): string | null {
  if (duties.length === 0) return null;
  return duties
    .map((d) => `${signatureRoleTerms[d.role].word}, ${signerParagraphsText(d.ranges, numbers) ?? "inga paragrafer"}`)
    .join("; ");
}

/** Protocols waiting for the actor's signature, and drafts the actor is secretary for. */
export async function findToAdjust(db: PrismaClient, actor: Actor) {
  if (!actor.personId) return { toSign: [], drafts: [] };
  const personId = actor.personId;
  const [waiting, drafts] = await Promise.all([
    db.meeting.findMany({
      where: {
        AND: [meetingWhereForActor(actor), { status: "READY_FOR_ADJUSTMENT" }],
        OR: [
          { secretaryId: personId },
          { adjusters: { some: { personId } } },
          { attendances: { some: { personId, role: "CHAIR" } } },
          { signers: { some: { personId } } },
        ],
      },
      include: {
        body: true,
        signatures: { where: { personId } },
        signers: { where: { personId }, orderBy: { position: "asc" } },
        paragraphs: { select: { number: true } },
      },
      orderBy: { date: "asc" },
    }),
    db.meeting.findMany({
      where: { status: "DRAFT", secretaryId: personId },
      include: { body: true },
      orderBy: { date: "asc" },
    }),
  ]);
  return {
    toSign: waiting
      .filter((m) => m.signatures.length === 0)
      .map((m) => ({
        slug: m.slug,
        bodyName: m.body.name,
        date: isoDateOf(m.date),
        status: m.status,
        /** "ordförande, Paragraf 7; justerare, Paragrafer 1-6, 8-10" when signers are per §. */
        duties: dutiesText(
          m.signers.map((g) => ({ role: g.role, ranges: rangesOf(g) })),
          m.paragraphs.map((p) => p.number),
        ),
      })),
    drafts: drafts.map((m) => ({ slug: m.slug, bodyName: m.body.name, date: isoDateOf(m.date), status: m.status })),
  };
}
