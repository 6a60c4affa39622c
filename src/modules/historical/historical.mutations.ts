// Registering a historical protocol (justerat on paper before the organisation used Paragraf):
// its real dates, its § range and scanned PDF, checked and stored in one transaction with an
// audit row. Nothing here touches a Meeting: the live workflow still refuses backdating.
import { createHash } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { defineHistoricalAction } from "@/server/action";
import { writeAudit } from "@/server/audit";
import { AppError } from "@/server/errors";
import { VALIDATION_MESSAGE } from "@/server/action";
import { dbDate, isoDateOf, toSwedishDate } from "@/lib/iso-date";
import { freeSlug } from "@/server/slugs";
import { formatLongDate } from "@/domain/protocol/protocol.format";
import {
  formatRange,
  historicalDateErrors,
  parseParagraphList,
  resolveRange,
  type FieldErrors,
  type NumberRange,
} from "@/domain/rules/historical.rules";
import { deleteHistoricalSchema, registerHistoricalSchema } from "./historical.schema";

type Tx = Prisma.TransactionClient;

function merge(...all: FieldErrors[]): FieldErrors {
  const out: FieldErrors = {};
  for (const errors of all) for (const [k, v] of Object.entries(errors)) (out[k] ??= []).push(...v);
  return out;
}

function invalid(fieldErrors: FieldErrors, message = VALIDATION_MESSAGE): never {
  throw new AppError("VALIDATION", message, { fieldErrors });
}

/**
 * The § range must be free in the body's year: not a § of a meeting in Paragraf, nor of another
 * historical protocol. Called under the body-year lock, so two registrations cannot both pass.
 */
async function ensureRangeFree(tx: Tx, bodyId: string, year: number, range: NumberRange) {
  const live = await tx.paragraph.findFirst({
    where: { bodyId, year, number: { gte: range.first, lte: range.last } },
    orderBy: { number: "asc" },
    select: { number: true, meeting: { select: { date: true } } },
  });
  if (live) {
    invalid(
      {
        firstNumber: [
          `§ ${live.number} ${year} finns redan i organets protokoll i Paragraf (sammanträdet ${formatLongDate(isoDateOf(live.meeting.date))}). Kontrollera numren.`,
        ],
      },
      "Paragraferna krockar med ett protokoll i Paragraf.",
    );
  }
  const other = await tx.historicalProtocol.findFirst({
    where: { bodyId, year, firstNumber: { lte: range.last }, lastNumber: { gte: range.first } },
    select: { firstNumber: true, lastNumber: true, meetingDate: true },
  });
  if (other) {
    const otherRange = formatRange({ first: other.firstNumber!, last: other.lastNumber! });
    invalid(
      {
        firstNumber: [
          `${otherRange} ${year} är redan registrerade i ett inskannat protokoll (sammanträdet ${formatLongDate(isoDateOf(other.meetingDate))}).`,
        ],
      },
      "Paragraferna krockar med ett redan registrerat inskannat protokoll.",
    );
  }
}

/** The file name to serve it under: letters, digits and a few signs, ending in .pdf. */
function safeFileName(name: string): string {
  const clean = name.replace(/[^\p{L}\p{N} ._()-]/gu, "_").slice(0, 200);
  return clean === "" ? "protokoll.pdf" : /\.pdf$/i.test(clean) ? clean : `${clean}.pdf`;
}

export const registerHistoricalProtocol = defineHistoricalAction(
  {
    schema: registerHistoricalSchema,
    permission: "historical.register",
    locate: async ({ bodyId }, db) => {
      const body = await db.body.findUnique({ where: { id: bodyId }, select: { id: true } });
      return body ? { bodyId: body.id } : null;
    },
  },
  async ({ db, actor, ip, input, now }) => {
    // Everything the input can be checked for without the database, reported together.
    const today = toSwedishDate(now);
    const list = parseParagraphList(input.paragraphs);
    const { range, errors: rangeErrors } = resolveRange(input.firstNumber, input.lastNumber, list.paragraphs);
    const bytes = new Uint8Array(await input.file.arrayBuffer());
    // The type the browser claims is not trusted: a PDF starts with "%PDF-".
    const notPdf: FieldErrors =
      Buffer.from(bytes.subarray(0, 5)).toString("latin1") !== "%PDF-"
        ? { file: ["Filen är inte en PDF. Skanna protokollet till PDF och försök igen."] }
        : {};
    const errors = merge(
      historicalDateErrors(
        {
          meetingDate: input.meetingDate,
          adjustedOn: input.adjustedOn,
          postedOn: input.postedOn,
          takeDownOn: input.takeDownOn,
        },
        today,
      ),
      list.errors.length > 0 ? { paragraphs: list.errors } : {},
      rangeErrors,
      notPdf,
    );
    if (Object.keys(errors).length > 0) invalid(errors);

    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const year = Number(input.meetingDate.slice(0, 4));
    return db.$transaction(async (tx) => {
      // One registration at a time per body and year: the range checks below hold until commit.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`paragraf:historical:${input.bodyId}:${year}`}))`;
      const body = await tx.body.findUniqueOrThrow({
        where: { id: input.bodyId },
        select: { slug: true, name: true, organisationId: true },
      });
      if (range) await ensureRangeFree(tx, input.bodyId, year, range);
      // The organisation's own; another organisation may keep the same scan (and is not told of it).
      const twin = await tx.historicalProtocol.findFirst({
        where: { sha256, body: { organisationId: body.organisationId } },
        select: { meetingDate: true },
      });
      if (twin) {
        invalid(
          {
            file: [
              `Den här PDF-filen är redan registrerad (sammanträdet ${formatLongDate(isoDateOf(twin.meetingDate))}).`,
            ],
          },
          "PDF-filen är redan registrerad.",
        );
      }
      const signedHere =
        (await tx.protocolFile.count({ where: { sha256 } })) + (await tx.issuedCopy.count({ where: { sha256 } }));
      if (signedHere > 0) {
        invalid(
          { file: ["Filen är ett protokoll som justerats i Paragraf; det finns redan i arkivet."] },
          "PDF-filen är redan ett protokoll i Paragraf.",
        );
      }
      const slug = await freeSlug(tx, "HistoricalProtocol", body.slug, input.meetingDate);
      const created = await tx.historicalProtocol.create({
        data: {
          bodyId: input.bodyId,
          slug,
          year,
          meetingDate: dbDate(input.meetingDate),
          title: input.title ?? `${body.name}, sammanträde ${formatLongDate(input.meetingDate)}`,
          description: input.description,
          firstNumber: range?.first ?? null,
          lastNumber: range?.last ?? null,
          adjustedOn: dbDate(input.adjustedOn),
          postedOn: dbDate(input.postedOn),
          takeDownOn: input.takeDownOn ? dbDate(input.takeDownOn) : null,
          fileName: safeFileName(input.file.name),
          bytes,
          sha256,
          isPublic: input.isPublic,
          registeredByUserId: actor.userId,
          registeredAt: now,
          paragraphs: {
            create: list.paragraphs.map((p, position) => ({
              number: p.number,
              title: p.title,
              caseNumber: p.caseNumber,
              position,
            })),
          },
        },
        select: { id: true, slug: true },
      });
      await writeAudit(tx, {
        userId: actor.userId,
        meetingId: null,
        action: "historical.register",
        entity: "HistoricalProtocol",
        entityId: created.id,
        ip,
        data: {
          slug,
          bodyId: input.bodyId,
          meetingDate: input.meetingDate,
          adjustedOn: input.adjustedOn,
          postedOn: input.postedOn,
          takeDownOn: input.takeDownOn,
          range: range ? [range.first, range.last] : null,
          paragraphs: list.paragraphs.length,
          isPublic: input.isPublic,
          sha256,
          size: bytes.length,
        },
      });
      return created;
    });
  },
);

/** An admin removes a wrong registration (the wrong PDF, wrong dates); the audit row keeps what it was. */
export const deleteHistoricalProtocol = defineHistoricalAction(
  {
    schema: deleteHistoricalSchema,
    permission: "historical.delete",
    locate: ({ id }, db) => db.historicalProtocol.findUnique({ where: { id }, select: { bodyId: true } }),
  },
  ({ db, actor, ip, input }) =>
    db.$transaction(async (tx) => {
      const h = await tx.historicalProtocol.findUnique({
        where: { id: input.id },
        select: { slug: true, bodyId: true, meetingDate: true, sha256: true, firstNumber: true, lastNumber: true },
      });
      if (!h) throw new AppError("NOT_FOUND", "Protokollet finns inte.");
      await tx.historicalProtocol.delete({ where: { id: input.id } });
      await writeAudit(tx, {
        userId: actor.userId,
        meetingId: null,
        action: "historical.delete",
        entity: "HistoricalProtocol",
        entityId: input.id,
        ip,
        data: {
          slug: h.slug,
          bodyId: h.bodyId,
          meetingDate: isoDateOf(h.meetingDate),
          range: h.firstNumber === null ? null : [h.firstNumber, h.lastNumber],
          sha256: h.sha256,
          reason: input.reason,
        },
      });
      return { slug: h.slug };
    }),
);
