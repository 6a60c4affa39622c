// Meeting use cases: create, header, attendance. One transaction and one audit row each.
import type { Prisma } from "@/generated/prisma/client";
import { byMeetingId, defineBodyAction } from "@/server/action";
import { AppError } from "@/server/errors";
import { freeSlug } from "@/server/slugs";
import {
  addAttendancePersonSchema,
  createMeetingSchema,
  saveAttendanceSchema,
  saveMeetingHeaderSchema,
  type StoredAttendanceRow,
} from "./meeting.schema";
import { dbDate } from "@/lib/iso-date";
import { appendParagraphs, openingParagraphs } from "./paragraph.append";
import { auditChange, auditMeetingChange, defineDraftingChange, defineMeetingChange } from "./change";
import { bumpMeetingVersion, checkPeopleInOrganisation, meetingOrganisationId } from "./meeting.guards";

type Tx = Prisma.TransactionClient;

/** A new meeting's first § number must not be a § the body's year already has. */
async function checkFirstNumberFree(
  tx: Tx,
  bodyId: string,
  input: { date: string; firstParagraphNumber: number | null },
) {
  const clash = await tx.paragraph.findFirst({
    where: { bodyId, year: Number(input.date.slice(0, 4)), number: input.firstParagraphNumber! },
    select: { number: true, meeting: { select: { slug: true } } },
  });
  if (clash) {
    const message = `§ ${clash.number} finns redan i ett annat sammanträde samma år (${clash.meeting.slug}). Välj ett annat första paragrafnummer, eller lämna fältet tomt så fortsätter numreringen.`;
    throw new AppError("VALIDATION", message, { fieldErrors: { firstParagraphNumber: [message] } });
  }
}

export const createMeeting = defineBodyAction(
  { schema: createMeetingSchema, permission: "meeting.create" },
  ({ db, actor, ip, input }) =>
    db.$transaction(async (tx) => {
      const body = await tx.body.findUnique({ where: { id: input.bodyId }, select: { id: true, slug: true } });
      if (!body) throw new AppError("NOT_FOUND", "Organet finns inte.");
      const slug = await freeSlug(tx, "Meeting", body.slug, input.date);
      const date = dbDate(input.date);
      if (input.firstParagraphNumber !== null) await checkFirstNumberFree(tx, body.id, input);

      type Row = {
        personId: string;
        role: "CHAIR" | "VICE_CHAIR" | "MEMBER" | "SUBSTITUTE" | "SERVING_SUBSTITUTE" | "OTHER" | "ABSENT";
        represents: string | null;
        title: string | null;
      };
      let rows: Row[] = [];
      if (input.attendanceFrom === "members") {
        const memberships = await tx.membership.findMany({
          where: { bodyId: body.id, termStart: { lte: date }, termEnd: { gte: date } },
          // The order the body lists its members in: ids are cuid v1 (a timestamp, then a
          // counter), so id order is the order the memberships were entered.
          orderBy: { id: "asc" },
        });
        // Ordförande, vice ordförande, ledamöter, ersättare; within each, as the body lists them
        // (not by name: protocols print the body's own order).
        const rank = (m: (typeof memberships)[number]) =>
          m.position === "CHAIR" ? 0 : m.position === "VICE_CHAIR" ? 1 : m.role === "MEMBER" ? 2 : 3;
        rows = memberships
          .map((m, order) => ({ m, order }))
          .sort((a, b) => rank(a.m) - rank(b.m) || a.order - b.order)
          .map(({ m }) => m)
          .map((m) => ({
            personId: m.personId,
            role:
              m.role === "SUBSTITUTE"
                ? "SUBSTITUTE"
                : m.position === "CHAIR"
                  ? "CHAIR"
                  : m.position === "VICE_CHAIR"
                    ? "VICE_CHAIR"
                    : "MEMBER",
            represents: m.represents,
            title: null,
          }));
      } else if (input.attendanceFrom === "previous") {
        const previous = await tx.meeting.findFirst({
          where: { bodyId: body.id, date: { lte: date } },
          orderBy: { date: "desc" },
          include: { attendances: { orderBy: { position: "asc" } } },
        });
        // Ranges, times, serving roles and absence belong to that meeting; start from plain presence.
        const seen = new Set<string>();
        rows = (previous?.attendances ?? [])
          .filter((a) => !seen.has(a.personId) && seen.add(a.personId))
          .map((a) => ({
            personId: a.personId,
            role: a.role === "SERVING_SUBSTITUTE" ? "SUBSTITUTE" : a.role === "ABSENT" ? "MEMBER" : a.role,
            represents: a.represents,
            title: a.title,
          }));
      }

      const meeting = await tx.meeting.create({
        data: {
          bodyId: body.id,
          slug,
          date,
          startTime: input.startTime,
          endTime: input.endTime,
          place: input.place,
          firstParagraphNumber: input.firstParagraphNumber,
          secretaryId: actor.bodyRoles.some((r) => r.bodyId === body.id && r.role === "SECRETARY")
            ? actor.personId
            : null,
          attendances: { create: rows.map((r, position) => ({ ...r, position })) },
        },
        select: { id: true, slug: true },
      });
      // The body's opening §§, numbered as any new § (the secretary's first number, or the year's next).
      const opening = input.withOpening
        ? await appendParagraphs(tx, meeting.id, await openingParagraphs(tx, body.id))
        : [];
      await auditMeetingChange(tx, { actor, ip, meeting }, "meeting.create", {
        attendanceFrom: input.attendanceFrom,
        ...(input.withOpening ? { opening: opening.map((p) => p.number) } : {}),
      });
      return meeting;
    }),
);

export const saveMeetingHeader = defineMeetingChange(
  {
    schema: saveMeetingHeaderSchema,
    select: {
      date: true,
      version: true,
      body: { select: { organisationId: true } },
      _count: { select: { paragraphs: true } },
    },
  },
  async (tx, { actor, ip, input, meeting }, current) => {
    if (current.date.getUTCFullYear() !== Number(input.date.slice(0, 4)) && current._count.paragraphs > 0) {
      throw new AppError(
        "VALIDATION",
        "Datumet kan inte flyttas till ett annat år: paragrafnumren följer organets år.",
        {
          fieldErrors: { date: ["Välj ett datum samma år, eller skapa ett nytt sammanträde."] },
        },
      );
    }
    await checkPeopleInOrganisation(tx, current.body.organisationId, [
      ...input.adjusterPersonIds,
      ...(input.secretaryPersonId ? [input.secretaryPersonId] : []),
    ]);
    const updated = await tx.meeting.updateMany({
      where: { id: meeting.id, version: input.version },
      data: {
        date: dbDate(input.date),
        startTime: input.startTime,
        endTime: input.endTime,
        place: input.place,
        adjustmentPlace: input.adjustmentPlace,
        adjustmentDate: input.adjustmentDate ? dbDate(input.adjustmentDate) : null,
        adjustmentTime: input.adjustmentTime,
        secretaryId: input.secretaryPersonId,
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) {
      throw new AppError(
        "CONFLICT",
        "Någon annan har ändrat sammanträdets uppgifter medan du skrev. Ladda om och jämför.",
        {
          current: { version: current.version },
        },
      );
    }
    await tx.meetingAdjuster.deleteMany({ where: { meetingId: meeting.id } });
    await tx.meetingAdjuster.createMany({
      data: input.adjusterPersonIds.map((personId, position) => ({ meetingId: meeting.id, personId, position })),
    });
    await auditMeetingChange(tx, { actor, ip, meeting }, "meeting.header");
    return { version: input.version + 1 };
  },
);

/**
 * The stored attendance list in the shape the attendance save takes (the § ranges as text, ""
 * for what is not recorded): what "Förifyll närvaron" starts from, and a conflict shows.
 */
export async function readAttendanceRows(tx: Tx, meetingId: string) {
  const rows = await tx.attendance.findMany({
    where: { meetingId },
    orderBy: { position: "asc" },
    include: {
      person: { select: { name: true } },
      ranges: { orderBy: { fromNumber: "asc" } },
    },
  });
  return rows.map((a) => ({
    personId: a.personId,
    name: a.person.name,
    role: a.role,
    represents: a.represents ?? "",
    title: a.title ?? "",
    ranges: a.ranges
      .map((r) => (r.fromNumber === r.toNumber ? `${r.fromNumber}` : `${r.fromNumber}-${r.toNumber}`))
      .join(", "),
    replacesPersonId: a.replacesPersonId,
    arrivalTime: a.arrivalTime ?? "",
    departureTime: a.departureTime ?? "",
  }));
}

/** The stored attendance list in the editor's shape, for a conflict to show side by side. */
async function storedAttendance(tx: Tx, meetingId: string): Promise<StoredAttendanceRow[]> {
  const rows = await readAttendanceRows(tx, meetingId);
  return rows.map((a) => ({ ...a, replacesPersonId: a.replacesPersonId ?? "" }));
}

type AttendanceInputRow = ReturnType<typeof saveAttendanceSchema.parse>["rows"][number];

/** Whether the input says exactly what is stored (a save that already went through, sent again). */
async function sameAsStored(tx: Tx, meetingId: string, rows: readonly AttendanceInputRow[]): Promise<boolean> {
  if (rows.some((r) => !r.personId)) return false; // a new name always changes something
  const stored = await tx.attendance.findMany({
    where: { meetingId },
    orderBy: { position: "asc" },
    include: { ranges: { orderBy: { fromNumber: "asc" } } },
  });
  if (stored.length !== rows.length) return false;
  return stored.every((a, i) => {
    const r = rows[i]!;
    const ranges = [...r.ranges].sort((x, y) => x.from - y.from);
    return (
      a.personId === r.personId &&
      a.role === r.role &&
      (a.represents ?? null) === r.represents &&
      (a.title ?? null) === r.title &&
      (a.replacesPersonId ?? null) === r.replacesPersonId &&
      (a.arrivalTime ?? null) === r.arrivalTime &&
      (a.departureTime ?? null) === r.departureTime &&
      a.ranges.length === ranges.length &&
      a.ranges.every((x, j) => x.fromNumber === ranges[j]!.from && x.toNumber === ranges[j]!.to)
    );
  });
}

export const saveAttendance = defineMeetingChange(
  { schema: saveAttendanceSchema, select: { attendanceVersion: true, body: { select: { organisationId: true } } } },
  async (tx, { actor, ip, input, meeting }, m) => {
    if (!(await bumpMeetingVersion(tx, meeting.id, "attendanceVersion", input.version))) {
      // The same list sent again (the answer to the first send was lost, or the page was reloaded
      // while it was under way) is not a conflict: it is already stored.
      if (await sameAsStored(tx, meeting.id, input.rows)) {
        return { version: m.attendanceVersion, personIds: input.rows.map((r) => r.personId!) };
      }
      throw new AppError("CONFLICT", "Någon annan har ändrat närvarolistan medan du skrev. Jämför och välj.", {
        current: { version: m.attendanceVersion, rows: await storedAttendance(tx, meeting.id) },
      });
    }
    const organisationId = m.body.organisationId;
    await checkPeopleInOrganisation(
      tx,
      organisationId,
      input.rows.flatMap((r) => [r.personId, r.replacesPersonId].filter((x): x is string => !!x)),
    );
    // New names become people of the organisation (officials, guests).
    const personIds: string[] = [];
    for (const row of input.rows) {
      if (row.personId) personIds.push(row.personId);
      else
        personIds.push((await tx.person.create({ data: { organisationId, name: row.name }, select: { id: true } })).id);
    }
    await tx.attendance.deleteMany({ where: { meetingId: meeting.id } });
    for (const [position, row] of input.rows.entries()) {
      await tx.attendance.create({
        data: {
          meetingId: meeting.id,
          personId: personIds[position]!,
          role: row.role,
          represents: row.represents,
          title: row.title,
          replacesPersonId: row.replacesPersonId,
          arrivalTime: row.arrivalTime,
          departureTime: row.departureTime,
          position,
          ranges: { create: row.ranges.map((r) => ({ fromNumber: r.from, toNumber: r.to })) },
        },
      });
    }
    await auditMeetingChange(tx, { actor, ip, meeting }, "meeting.attendance", { rows: input.rows.length });
    return { version: input.version + 1, personIds };
  },
);

/** A new person (an official, a guest) typed into the attendance list, on the secretary's explicit act. */
export const addAttendancePerson = defineDraftingChange(
  addAttendancePersonSchema,
  byMeetingId,
  async (tx, { actor, ip, input, meeting }) => {
    const person = await tx.person.create({
      data: { organisationId: await meetingOrganisationId(tx, meeting.id), name: input.name },
      select: { id: true, name: true },
    });
    await auditChange(
      tx,
      { actor, ip, meeting },
      "person.create",
      { entity: "Person", id: person.id },
      { from: "attendance" },
    );
    return { personId: person.id, name: person.name };
  },
);
