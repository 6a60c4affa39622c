// From agenda to protocol (issue 15, point 5): one transaction turns the meeting's ärendelista
// into §§ as the secretary chose for each ärende (src/domain/rules/agenda-fate.rules.ts), numbers
// them as any new § (the drafting module's numbering), moves tabled and returned ärenden back to
// the body's pool, records an AgendaOutcome per ärende and writes one audit row.
import type { Prisma } from "@/generated/prisma/client";
import type { RichDoc } from "@/domain/protocol/protocol.types";
import { planAgendaToProtocol, STALE_AGENDA_MESSAGE } from "@/domain/rules/agenda-fate.rules";
import { richDocSchema } from "@/domain/richtext/richtext.schema";
import { toRichDoc } from "@/domain/richtext/tiptap-normalise";
import { appendParagraphs, openingParagraphs } from "@/modules/drafting";
import { byMeetingId, defineMeetingAction } from "@/server/action";
import { writeAudit } from "@/server/audit";
import { AppError } from "@/server/errors";
import { lockMeeting } from "@/server/meeting-access";
import { agendaToProtocolSchema } from "./agenda-to-protocol.schema";
import { itemTextSelect } from "./kallelse-items";

type Tx = Prisma.TransactionClient;

export const ALREADY_DONE_MESSAGE =
  "Ärendelistan är redan förd till protokollet; paragraferna finns i protokollet. Ändra dem där.";

/** The stored summary as the domain's rich text (normalised if an older row needs it). */
function summaryOf(json: Prisma.JsonValue | null, position: number): RichDoc | null {
  if (json === null) return null;
  const parsed = richDocSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const normalised = richDocSchema.safeParse(toRichDoc(json));
  if (normalised.success) return normalised.data;
  throw new AppError(
    "STATE",
    `Sammanfattningen av ärende ${position} kan inte läsas. Öppna ärendet, spara sammanfattningen igen och försök sedan på nytt.`,
  );
}

/** The meeting's ärenden not yet dealt with at this meeting, in the ärendelista's order. */
export async function pendingAgendaItems(tx: Tx, meetingId: string) {
  return tx.agendaItem.findMany({
    where: { meetingId, outcomes: { none: { meetingId } } },
    orderBy: { position: "asc" },
    select: {
      id: true,
      position: true,
      ...itemTextSelect,
      summary: true,
      isExtra: true,
      returnReason: true,
      documents: { orderBy: { position: "asc" }, select: { title: true, isConfidential: true } },
    },
  });
}

export const turnAgendaIntoParagraphs = defineMeetingAction(
  { schema: agendaToProtocolSchema, permission: "agenda.toProtocol", locate: byMeetingId },
  ({ db, actor, ip, input, meeting }) =>
    db.$transaction(async (tx) => {
      // Saves in flight finish first; a second submit of the same form waits here, then is refused.
      await lockMeeting(tx, meeting.id);
      const m = await tx.meeting.findUniqueOrThrow({
        where: { id: meeting.id },
        select: { status: true, agendaVersion: true, bodyId: true, body: { select: { name: true } } },
      });
      if (m.status !== "DRAFT") {
        throw new AppError(
          "STATE",
          "Ärendelistan kan bara föras över till protokollet medan protokollet är ett utkast; det är skickat till justering eller justerat.",
        );
      }
      const earlier = await tx.agendaOutcome.count({ where: { meetingId: meeting.id } });
      const items = await pendingAgendaItems(tx, meeting.id);
      if (earlier > 0 && items.length === 0) throw new AppError("STATE", ALREADY_DONE_MESSAGE);
      if (m.agendaVersion !== input.agendaVersion) throw new AppError("STATE", STALE_AGENDA_MESSAGE);

      const plan = planAgendaToProtocol({
        items: items.map((i) => ({
          ...i,
          position: i.position ?? 0,
          summary: summaryOf(i.summary, i.position ?? 0),
        })),
        choices: input.items,
        // The body's opening §§ (its opening templates, with their content) open the meeting: only
        // the first time its agenda becomes §§.
        opening: input.includeOpening && earlier === 0 ? await openingParagraphs(tx, m.bodyId) : [],
        includeOpening: input.includeOpening && earlier === 0,
        bodyName: m.body.name,
      });
      if (!plan.ok) throw new AppError("VALIDATION", plan.message, { fieldErrors: plan.fieldErrors });

      const created = await appendParagraphs(tx, meeting.id, plan.paragraphs);
      const byId = new Map(items.map((i) => [i.id, i]));
      for (const it of plan.items) {
        const paragraph = it.paragraphIndex === null ? null : created[it.paragraphIndex]!;
        const item = byId.get(it.itemId)!;
        await tx.agendaItem.update({
          where: { id: it.itemId },
          data: {
            state: it.state,
            // Back in the pool it waits for a later meeting's kallelse like any other ärende.
            ...(it.toPool ? { meetingId: null, position: null, isExtra: false } : {}),
            ...(it.fate === "RETURNED" ? { returnReason: it.reason } : {}),
            version: { increment: 1 },
          },
        });
        await tx.agendaOutcome.create({
          data: {
            agendaItemId: it.itemId,
            meetingId: meeting.id,
            fate: it.fate,
            paragraphId: paragraph?.id ?? null,
            reason: it.reason,
            // The kallelse keeps the ärende under this number after it has left for the pool.
            position: item.isExtra ? null : item.position,
          },
        });
      }
      // The list changed (ärenden left for the pool, the rest dealt with): an open form is stale.
      await tx.meeting.update({ where: { id: meeting.id }, data: { agendaVersion: { increment: 1 } } });
      await writeAudit(tx, {
        userId: actor.userId,
        meetingId: meeting.id,
        action: "agenda.toProtocol",
        entity: "Meeting",
        entityId: meeting.id,
        ip,
        data: {
          numbers: created.map((p) => p.number),
          opening: plan.paragraphs.filter((p) => p.itemId === null).length,
          fates: plan.items.map((i) => ({
            itemId: i.itemId,
            fate: i.fate,
            number: i.paragraphIndex === null ? null : created[i.paragraphIndex]!.number,
          })),
        },
      });
      return { numbers: created.map((p) => p.number), items: plan.items.length };
    }),
);
