// E-mail after the sign-off steps: to the chair and justerare when a protocol is sent for
// justering, to the secretary when it is returned or fully signed. Queued in the step's own
// transaction (the outbox, server/jobs/outbox.ts: the mails exist exactly when the step commits)
// and sent by the job worker with retries. A mail failure never undoes or fails the step.
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import type { ProtocolDTO } from "@/domain/protocol/protocol.types";
import { appBaseUrl } from "@/server/config";
import { afterCommit, queueMail } from "@/server/jobs/outbox";
import {
  buildAdjustedMail,
  buildAdjustmentRequestMail,
  buildReturnedMail,
  type BuiltMail,
  type MailRecipient,
} from "./signoff.mail";
import { signerParagraphsText } from "@/domain/rules/signers.rules";
import { daysUntilAdjustmentDeadline } from "@/domain/rules/signoff.rules";

/** The mails of the sign-off steps. */
export interface SignoffEvents {
  sentForAdjustment(p: ProtocolDTO): Promise<void>;
  returned(p: ProtocolDTO, by: string, comment: string): Promise<void>;
  adjusted(p: ProtocolDTO): Promise<void>;
}

async function recipients(
  db: Prisma.TransactionClient,
  people: readonly { personId: string; name: string }[],
): Promise<MailRecipient[]> {
  const rows = await db.person.findMany({
    where: { id: { in: people.map((p) => p.personId) } },
    select: { id: true, email: true },
  });
  const email = new Map(rows.map((r) => [r.id, r.email]));
  return people.map((p) => ({ name: p.name, email: email.get(p.personId) ?? null }));
}

type Send = (db: Prisma.TransactionClient, mail: BuiltMail, kind: string) => Promise<void>;

/**
 * The events inside the step's own transaction `tx` (the transactional outbox: the mails exist
 * exactly when the step commits); call `afterCommit(db)` once it has committed to send them.
 */
export function queuedSignoffEvents(
  tx: Prisma.TransactionClient,
  baseUrl = appBaseUrl(),
): SignoffEvents & { afterCommit(db: PrismaClient): Promise<void> } {
  const ids: (string | null)[] = [];
  const send: Send = async (db, mail, kind) => {
    if (mail.to.length > 0) ids.push(await queueMail(db, mail, kind));
  };
  return { ...signoffEvents(tx, send, baseUrl), afterCommit: (db) => afterCommit(db, ids.splice(0)) };
}

function signoffEvents(db: Prisma.TransactionClient, send: Send, baseUrl: string): SignoffEvents {
  const base = (p: ProtocolDTO) => ({ baseUrl, bodyName: p.body.name, meetingDate: p.meeting.date });
  /** A mail to the secretary about the protocol: its meeting, its address, the secretary. */
  const toSecretary = async (p: ProtocolDTO) => ({
    ...base(p),
    slug: p.meeting.slug,
    secretary: p.secretary ? (await recipients(db, [p.secretary]))[0]! : { name: "", email: null },
  });
  return {
    async sentForAdjustment(p) {
      // Everyone who signs but the secretary who sent it (with signers per §, a second secretary too).
      const perParagraph = p.signatures.some((s) => (s.ranges ?? []).length > 0);
      const signers = p.signatures.filter(
        (s, i, all) =>
          (s.role !== "SECRETARY" || (perParagraph && s.personId !== p.secretary?.personId)) &&
          all.findIndex((x) => x.personId === s.personId) === i,
      );
      const numbers = p.paragraphs.map((x) => x.number);
      const { deadline } = daysUntilAdjustmentDeadline(p.meeting.date, p.meeting.date);
      await send(
        db,
        buildAdjustmentRequestMail({
          ...base(p),
          recipients: await recipients(db, signers),
          deadline,
          secretaryName: p.secretary?.name ?? null,
          duties: perParagraph
            ? p.signatures.map((s) => ({
                role: s.role,
                name: s.name,
                paragraphs: signerParagraphsText(s.ranges ?? [], numbers) ?? "inga paragrafer",
              }))
            : undefined,
        }),
        "signoff.sentForAdjustment",
      );
    },
    async returned(p, by, comment) {
      await send(db, buildReturnedMail({ ...(await toSecretary(p)), returnedBy: by, comment }), "signoff.returned");
    },
    async adjusted(p) {
      await send(
        db,
        buildAdjustedMail({ ...(await toSecretary(p)), adjustedOn: p.meeting.adjustedOn }),
        "signoff.adjusted",
      );
    },
  };
}
