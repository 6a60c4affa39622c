// The live meeting's writes: a tap into the log (meeting.live: the secretary and the meeting's
// chair), and the end of the meeting (meeting.edit: it writes the draft). Each is one transaction
// under the meeting's row lock, with its audit row.
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { byMeetingId, defineMeetingAction, type ActionResult, type RunContext } from "@/server/action";
import { writeAudit } from "@/server/audit";
import { AppError } from "@/server/errors";
import { lockMeeting } from "@/server/meeting-access";
import { findParagraphForEditing, findProtocolBySlug } from "@/server/protocol.queries";
import { formatParagraphRanges } from "@/lib/paragraph-ranges";
import { replayLive, type LiveEventData, type LiveInput } from "@/domain/rules/live.rules";
import {
  liveDecisions,
  liveDecisionText,
  openVote,
  refuseDecisionEvent,
  voteQuestionText,
  voteResultText,
} from "@/domain/rules/live-decisions.rules";
import { refuseSpeakerEvent, SPEAKER_EVENT_TYPES } from "@/domain/rules/live-speakers.rules";
import { checkProtocol } from "@/domain/rules/protocol-checker";
import type { Finding } from "@/domain/rules/finding";
import { readAttendanceRows, saveAttendance, saveParagraph, toParagraphContent } from "@/modules/drafting";
import { closeLiveMeetingSchema, recordLiveEventSchema } from "./live.schema";
import { readLiveFrame, readLiveMeeting } from "./live.queries";

type Tx = Prisma.TransactionClient;

const DECISION_EVENTS = new Set<LiveEventData["type"]>([
  "motion",
  "motionWithdraw",
  "finding",
  "voteOpen",
  "ballot",
  "voteClose",
  "reservation",
]);

const CLOSED = "Sammanträdet är avslutat i livevyn. Ändra närvaro och jäv i protokollet i stället.";

/** The person and § ids a tap names must be the body's seats and the meeting's §§. */
function checkEvent(data: LiveEventData, input: Pick<LiveInput, "seats" | "paragraphs">): void {
  const seat = (personId: string) => input.seats.find((s) => s.personId === personId);
  const refuse = (message: string) => {
    throw new AppError("VALIDATION", message, { fieldErrors: { event: [message] } });
  };
  if ("personId" in data && !seat(data.personId)) refuse("Personen är inte ledamot eller ersättare i organet.");
  if ("paragraphId" in data && !input.paragraphs.some((p) => p.id === data.paragraphId))
    refuse("Paragrafen finns inte i sammanträdet.");
  if (data.type === "substitute") {
    if (seat(data.personId)?.role !== "SUBSTITUTE") refuse("Bara en ersättare kan tjänstgöra i en ledamots ställe.");
    if (seat(data.forPersonId)?.role !== "MEMBER") refuse("En ersättare tjänstgör i en ledamots ställe.");
  }
}

/**
 * One tap. A retry of a tap already in the log (same clientEventId) returns that event's seq and
 * writes nothing; otherwise the event gets the next seq under the meeting's row lock, so two
 * devices tapping at once both land, in one order.
 */
export const recordLiveEvent = defineMeetingAction(
  { schema: recordLiveEventSchema, permission: "meeting.live", locate: byMeetingId },
  ({ db, ...ctx }) => db.$transaction((tx) => appendLiveEvent(tx, ctx)),
);

/** What appending a tap needs: who, from where, when, the meeting and the tap. */
export interface AppendLiveEvent {
  actor: RunContext["actor"];
  ip: string | null;
  now: Date;
  meeting: { id: string };
  input: { clientEventId: string; event: LiveEventData };
}

/**
 * Append one tap to the meeting's log in `tx` (the caller has checked who may): the retry, the
 * closed log, the rules' refusals, the next seq under the row lock, the audit row. Shared by the
 * secretary's and chair's taps and a member's own (member.mutations.ts).
 */
export async function appendLiveEvent(
  tx: Tx,
  { actor, ip, now, input, meeting }: AppendLiveEvent,
): Promise<{ seq: number; duplicate: boolean }> {
  await lockMeeting(tx, meeting.id);
  const already = await tx.liveEvent.findUnique({
    where: { meetingId_clientEventId: { meetingId: meeting.id, clientEventId: input.clientEventId } },
    select: { seq: true },
  });
  if (already) return { seq: already.seq, duplicate: true };
  const closed = await tx.liveEvent.findFirst({
    where: { meetingId: meeting.id, type: "close" },
    select: { id: true },
  });
  if (closed) throw new AppError("STATE", CLOSED);
  if (DECISION_EVENTS.has(input.event.type) || SPEAKER_EVENT_TYPES.has(input.event.type)) {
    // Yrkanden, findings, votes, reservations and the speaker list are checked against the whole log so far.
    const live = await readLiveMeeting(tx, { id: meeting.id });
    if (!live) throw new AppError("NOT_FOUND", "Sammanträdet finns inte.");
    checkEvent(input.event, live.input);
    const state = replayLive(live.input);
    const refused =
      refuseDecisionEvent(live.input, state, input.event, live.bodyName) ??
      refuseSpeakerEvent(live.input, state, input.event);
    if (refused) throw new AppError("VALIDATION", refused, { fieldErrors: { event: [refused] } });
  } else checkEvent(input.event, await readLiveFrame(tx, meeting.id));
  const last = await tx.liveEvent.aggregate({ where: { meetingId: meeting.id }, _max: { seq: true } });
  const seq = (last._max.seq ?? 0) + 1;
  const { type, ...payload } = input.event;
  await insertLiveEvent(
    tx,
    { actor, ip, now, meeting },
    { seq, type, payload, clientEventId: input.clientEventId },
    {
      action: "live.event",
      data: { seq, type },
    },
  );
  return { seq, duplicate: false };
}

/** One row of the log, by the actor at `now`, and its audit row (`action`, `data`), in `tx`. */
async function insertLiveEvent(
  tx: Tx,
  { actor, ip, now, meeting }: Omit<AppendLiveEvent, "input">,
  event: { seq: number; type: string; payload: Prisma.InputJsonObject; clientEventId: string },
  audit: { action: string; data: Prisma.InputJsonObject },
): Promise<void> {
  const created = await tx.liveEvent.create({
    data: { meetingId: meeting.id, ...event, byUserId: actor.userId, at: now },
    select: { id: true },
  });
  await writeAudit(tx, {
    userId: actor.userId,
    meetingId: meeting.id,
    action: audit.action,
    entity: "LiveEvent",
    entityId: created.id,
    ip,
    data: audit.data,
  });
}

/**
 * The drafting module's actions run in this transaction: their `db.$transaction` is this one (a
 * transaction client has none of its own), so the end of the meeting writes the draft all or not
 * at all, through the editor's own validation, version checks and audit rows.
 */
function inTransaction(tx: Tx): PrismaClient {
  return new Proxy(tx, {
    get(target, key, receiver) {
      if (key === "$transaction") return (run: (t: Tx) => Promise<unknown>) => run(target);
      return Reflect.get(target, key, receiver);
    },
  }) as unknown as PrismaClient;
}

function unwrap<T>(result: ActionResult<T>, what: string): T {
  if (result.ok) return result.data;
  if (result.code === "VALIDATION")
    throw new AppError("VALIDATION", `${what}: ${result.message}`, { fieldErrors: result.fieldErrors });
  throw new AppError(
    result.code === "UNAUTHENTICATED" || result.code === "INTERNAL" ? "STATE" : result.code,
    result.message,
  );
}

export interface CloseResult {
  /** False when the meeting had already been closed: nothing was written. */
  closed: boolean;
  /** The checker's findings on the draft afterwards (errors and warnings). */
  findings: Finding[];
}

/**
 * "Avsluta sammanträdet": the attendance computed from the log (per-§ ranges, times, serving
 * ersättare) replaces the body's ledamöter and ersättare in the draft's attendance list (others
 * present, e.g. officials, stay), and each §'s jäv of those people is the log's, saved through the
 * drafting module's attendance and § saves; then a "close" event ends the log. All in one
 * transaction, audited; a second click finds the close event and writes nothing.
 */
export const closeLiveMeeting = defineMeetingAction(
  { schema: closeLiveMeetingSchema, permission: "meeting.edit", locate: byMeetingId },
  async (ctx) => {
    const { db, actor, ip, now, meeting } = ctx;
    const closed = await db.$transaction(
      async (tx) => {
        await lockMeeting(tx, meeting.id);
        const live = await readLiveMeeting(tx, { id: meeting.id });
        if (!live) throw new AppError("NOT_FOUND", "Sammanträdet finns inte.");
        if (live.input.events.some((e) => e.data.type === "close")) return false;
        if (live.input.paragraphs.length === 0)
          throw new AppError("STATE", "Sammanträdet har inga paragrafer; lägg till dem innan det avslutas.");
        const state = replayLive(live.input);
        const open = openVote(live.input);
        if (open) {
          const n = live.input.paragraphs.find((p) => p.id === open.paragraphId)?.number;
          throw new AppError("STATE", `Omröstningen i § ${n} pågår. Avsluta omröstningen innan sammanträdet avslutas.`);
        }
        const inner = { ...ctx, db: inTransaction(tx) };
        const seatIds = new Set(live.input.seats.map((s) => s.personId));

        // Attendance: the roster's rows from the log, then everyone else as the draft has them.
        const m = await tx.meeting.findUniqueOrThrow({
          where: { id: meeting.id },
          select: { attendanceVersion: true },
        });
        const others = (await readAttendanceRows(tx, meeting.id)).filter((r) => !seatIds.has(r.personId));
        const rows = [
          ...state.attendance.map((r) => ({
            personId: r.personId,
            name: r.name,
            role: r.role,
            represents: r.represents ?? "",
            title: r.title ?? "",
            ranges: formatParagraphRanges(r.ranges, "bare"),
            replacesPersonId: r.replacesPersonId,
            arrivalTime: r.arrivalTime ?? "",
            departureTime: r.departureTime ?? "",
          })),
          ...others,
        ];
        unwrap(
          await saveAttendance(inner, { meetingId: meeting.id, version: m.attendanceVersion, rows }),
          "Närvaron kunde inte sparas",
        );

        // Per §: jäv, and the yrkanden, propositionsordning, votes and reservations decided live
        // (with the decision text that follows from the outcome): the log's for the roster's
        // people, the draft's for anyone else; a § with nothing decided live keeps the draft's.
        for (const p of live.input.paragraphs) {
          const editing = await findParagraphForEditing(tx, p.id);
          if (!editing) continue;
          const content = toParagraphContent(editing.paragraph);
          const kept = content.recusals.filter((r) => !seatIds.has(r.personId));
          const fromLog = (state.recusals.get(p.id) ?? []).map(({ personId, reason }) => ({ personId, reason }));
          const recusals = [...kept, ...fromLog];
          const sameRecusals =
            recusals.length === content.recusals.length &&
            recusals.every((r) => content.recusals.some((c) => c.personId === r.personId && c.reason === r.reason));
          const d = liveDecisions(live.input, state, p.id, live.bodyName);
          // Each part the log has something for replaces the draft's; a part it has nothing for
          // keeps what the secretary had typed (no data lost).
          const reserved = live.input.events.some((e) => e.data.type === "reservation" && e.data.paragraphId === p.id);
          const next = { ...content, recusals };
          if (d.motions.length > 0)
            next.motions = d.motions.map((m) => ({
              personId: m.personId,
              kind: m.kind,
              text: m.text,
              amendsIndex: null,
              withdrawn: m.withdrawn,
            }));
          if (d.propositions.length > 0) next.propositions = d.propositions;
          if (d.votes.length > 0)
            next.votes = d.votes.map((v) => ({
              question: voteQuestionText(d, v.vote),
              result: voteResultText(d, v),
              outcome: v.outcome ?? "LOTTNING",
              ballots: v.ballots.map((b) => ({ personId: b.personId, choice: b.choice })),
              counts: null,
            }));
          if (reserved)
            next.reservations = [
              ...content.reservations.filter((r) => !seatIds.has(r.personId)),
              ...d.reservations.map((r) => ({
                personId: r.personId,
                reasons: r.reasons,
                writtenLater: r.writtenLater,
              })),
            ];
          next.decision = liveDecisionText(content.decision, d, live.bodyName) ?? content.decision;
          const decided = d.motions.length > 0 || d.propositions.length > 0 || d.votes.length > 0 || reserved;
          if (sameRecusals && !decided) continue;
          unwrap(
            await saveParagraph(inner, { paragraphId: p.id, version: editing.version, content: next }),
            `§ ${p.number} kunde inte sparas`,
          );
        }

        const seq = (live.input.events[live.input.events.length - 1]?.seq ?? 0) + 1;
        await insertLiveEvent(
          tx,
          { actor, ip, now, meeting },
          { seq, type: "close", payload: {}, clientEventId: `close-${meeting.id}`.slice(0, 64) },
          { action: "live.close", data: { seq, attendanceRows: state.attendance.length } },
        );
        return true;
      },
      { timeout: 30_000 },
    );
    const protocol = await findProtocolBySlug(db, meeting.slug);
    return { closed, findings: protocol ? checkProtocol(protocol, { now }) : [] } satisfies CloseResult;
  },
);
