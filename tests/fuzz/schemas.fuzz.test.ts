// Property-based tests of every zod schema a server action parses its input with (issue 8):
// 10 000 generated inputs each, mixing valid shapes with hostile strings, wrong types and missing
// or extra keys. safeParse never throws; every message is Swedish (zod's Swedish locale,
// src/lib/zod.ts, plus the schemas' own messages); what parses keeps the schema's own promises.
// Stored rich text never renders as markup that runs.
import fc from "fast-check";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { isIsoDate } from "@/lib/iso-date";
import { MIN_PASSWORD_LENGTH } from "@/domain/rules/password.policy";
import {
  addMembershipSchema,
  bodyRoleSchema,
  createUserSchema,
  removeMembershipSchema,
  setPasswordSchema,
  updateUserSchema,
} from "@/modules/administration/admin.schema";
import { createMeetingSchema, saveAttendanceSchema, saveMeetingHeaderSchema } from "@/modules/drafting/meeting.schema";
import {
  addParagraphSchema,
  moveParagraphSchema,
  paragraphRefSchema,
  saveParagraphSchema,
} from "@/modules/drafting/paragraph.schema";
import type { RichDoc } from "@/domain/protocol/protocol.types";
import { RichText } from "@/ui/rich-text";
import { richDocSchema } from "@/domain/richtext/richtext.schema";
import { toPlainText } from "@/domain/richtext/richtext.text";
import {
  correctionSchema,
  returnSchema,
  sendForAdjustmentSchema,
  signSchema,
} from "@/modules/justering/signoff.schema";
import { noticeEditSchema } from "@/modules/notice/notice.schema";
import { fieldPattern, inputArbitraries, isSwedishMessage, randomIds, richDocLike } from "../support/fuzz-arbitraries";

const NUM_RUNS = 10_000;
// Each property takes 0.1–3 s here; the margin is for slow CI machines.
const TIMEOUT = 30_000;
const arbs = inputArbitraries(randomIds);

// ---------------------------------------------------------------------------------------------
// What a successful parse promises, per schema
// ---------------------------------------------------------------------------------------------

const isTrimmed = (s: string) => s === s.trim();
// zod measures strings in code points, so a limit of 200 allows 200 emoji (400 UTF-16 units).
const codePoints = (s: string) => Array.from(s).length;
/** Trimmed and at most `max` long; may be empty (a field real protocols leave out). */
const trimmedText = (s: unknown, max: number) => {
  expect(typeof s).toBe("string");
  expect(isTrimmed(s as string) && codePoints(s as string) <= max, JSON.stringify(s)).toBe(true);
};
const trimmedNonEmpty = (s: unknown, max: number) => {
  expect(typeof s).toBe("string");
  expect(
    isTrimmed(s as string) && codePoints(s as string) >= 1 && codePoints(s as string) <= max,
    JSON.stringify(s),
  ).toBe(true);
};
const nullOrTrimmed = (s: unknown, max: number) => {
  if (s !== null) trimmedNonEmpty(s, max);
};
const isTime = (t: unknown) => t === null || (typeof t === "string" && /^([01]\d|2[0-3]):[0-5]\d$/.test(t));
const isId = (s: unknown) => typeof s === "string" && codePoints(s) >= 1 && codePoints(s) <= 64;
const noBlankRows = (rows: readonly string[]) => rows.every((r) => r !== "" && isTrimmed(r));

function checkTimes(m: { startTime: string | null; endTime: string | null }) {
  expect(isTime(m.startTime) && isTime(m.endTime)).toBe(true);
  if (m.startTime && m.endTime) expect(m.endTime >= m.startTime).toBe(true);
}

function checkRanges(ranges: readonly { from: number; to: number }[]) {
  ranges.forEach((r, i) => {
    expect(Number.isInteger(r.from) && Number.isInteger(r.to) && r.from >= 1 && r.from <= r.to && r.to <= 99_999).toBe(
      true,
    );
    // Sorted and merged: each range starts after the previous one ends (and is not adjacent).
    if (i > 0) expect(r.from).toBeGreaterThan(ranges[i - 1]!.to + 1);
  });
}

function checkPassword(v: { password: string; passwordConfirm: string }) {
  expect(codePoints(v.password)).toBeGreaterThanOrEqual(MIN_PASSWORD_LENGTH);
  expect(codePoints(v.password)).toBeLessThanOrEqual(1024);
  expect(v.passwordConfirm).toBe(v.password);
}

function checkEmail(email: string) {
  expect(email).toBe(email.trim().toLowerCase());
  expect(email).toMatch(/^[^\s@]+@[^\s@]+\.[^\s@]+$/);
}

type Case = { name: string; schema: z.ZodType; arb: fc.Arbitrary<unknown>; check: (out: never) => void };
const schemaCase = <S extends z.ZodType>(
  name: string,
  schema: S,
  arb: fc.Arbitrary<unknown>,
  check: (out: z.output<S>) => void,
): Case => ({
  name,
  schema,
  arb,
  check: check as (out: never) => void,
});

const CASES: Case[] = [
  schemaCase("createMeetingSchema", createMeetingSchema, arbs.createMeeting, (m) => {
    expect(isId(m.bodyId)).toBe(true);
    expect(isIsoDate(m.date)).toBe(true);
    checkTimes(m);
    trimmedText(m.place, 200);
    expect(["members", "previous", "none"]).toContain(m.attendanceFrom);
  }),
  schemaCase("saveMeetingHeaderSchema", saveMeetingHeaderSchema, arbs.saveMeetingHeader, (m) => {
    expect(isId(m.meetingId)).toBe(true);
    expect(Number.isSafeInteger(m.version) && m.version >= 1).toBe(true);
    expect(isIsoDate(m.date)).toBe(true);
    checkTimes(m);
    trimmedText(m.place, 200);
    nullOrTrimmed(m.adjustmentPlace, 200);
    expect(m.adjustmentDate === null || isIsoDate(m.adjustmentDate)).toBe(true);
    expect(m.secretaryPersonId === null || isId(m.secretaryPersonId)).toBe(true);
    expect(m.adjusterPersonIds.length).toBeLessThanOrEqual(5);
    expect(new Set(m.adjusterPersonIds).size).toBe(m.adjusterPersonIds.length);
  }),
  schemaCase("saveAttendanceSchema", saveAttendanceSchema, arbs.saveAttendance, (a) => {
    expect(isId(a.meetingId)).toBe(true);
    expect(a.rows.length).toBeLessThanOrEqual(200);
    for (const r of a.rows) {
      expect(isTrimmed(r.name) && codePoints(r.name) <= 200).toBe(true);
      expect(r.personId !== null || r.name !== "").toBe(true);
      nullOrTrimmed(r.represents, 200);
      nullOrTrimmed(r.title, 200);
      checkRanges(r.ranges);
    }
  }),
  schemaCase("saveParagraphSchema", saveParagraphSchema, arbs.saveParagraph, (p) => {
    expect(isId(p.paragraphId)).toBe(true);
    const c = p.content;
    nullOrTrimmed(c.caseNumber, 60);
    trimmedNonEmpty(c.title, 300);
    expect(isTrimmed(c.decision.intro)).toBe(true);
    for (const rows of [c.decision.clauses, c.basisDocuments, c.dispatch, c.propositions])
      expect(noBlankRows(rows)).toBe(true);
    for (const s of c.sections) {
      trimmedText(s.heading, 200);
      expect(richDocSchema.safeParse(s.content).success).toBe(true);
    }
    c.motions.forEach((m, i) => {
      trimmedNonEmpty(m.text, 20_000);
      expect(m.amendsIndex === null || (m.amendsIndex >= 0 && m.amendsIndex < i)).toBe(true);
    });
    expect(new Set(c.reservations.map((r) => r.personId)).size).toBe(c.reservations.length);
    for (const r of c.reservations) nullOrTrimmed(r.reasons, 20_000);
    for (const v of c.votes) {
      trimmedNonEmpty(v.question, 2_000);
      expect(new Set(v.ballots.map((b) => b.personId)).size).toBe(v.ballots.length);
    }
    for (const n of c.notes) trimmedNonEmpty(n.text, 20_000);
    for (const r of c.recusals) trimmedText(r.reason, 1_000);
  }),
  schemaCase("paragraphRefSchema", paragraphRefSchema, arbs.paragraphRef, (p) =>
    expect(isId(p.paragraphId)).toBe(true),
  ),
  schemaCase("moveParagraphSchema", moveParagraphSchema, arbs.moveParagraph, (p) => {
    expect(isId(p.paragraphId)).toBe(true);
    expect(["up", "down"]).toContain(p.direction);
  }),
  schemaCase("addParagraphSchema", addParagraphSchema, arbs.addParagraph, (p) => {
    expect(isId(p.meetingId)).toBe(true);
    trimmedNonEmpty(p.title, 300);
  }),
  schemaCase("sendForAdjustmentSchema", sendForAdjustmentSchema, arbs.sendForAdjustment, (s) =>
    expect(isId(s.meetingId)).toBe(true),
  ),
  schemaCase("signSchema", signSchema, arbs.sign, (s) => {
    expect(isId(s.meetingId)).toBe(true);
    expect(codePoints(s.password) >= 1 && codePoints(s.password) <= 1024).toBe(true);
  }),
  schemaCase("returnSchema", returnSchema, arbs.returnProtocol, (s) => {
    expect(isId(s.meetingId)).toBe(true);
    trimmedNonEmpty(s.comment, 5_000);
  }),
  schemaCase("correctionSchema", correctionSchema, arbs.correction, (s) => {
    expect(isId(s.meetingId)).toBe(true);
    expect(
      s.paragraphNumber === null ||
        (Number.isInteger(s.paragraphNumber) && s.paragraphNumber >= 1 && s.paragraphNumber <= 99_999),
    ).toBe(true);
    trimmedNonEmpty(s.text, 10_000);
    expect(codePoints(s.password) >= 1 && codePoints(s.password) <= 1024).toBe(true);
  }),
  schemaCase("noticeEditSchema", noticeEditSchema, arbs.noticeEdit, (s) => {
    expect(isId(s.meetingId)).toBe(true);
    expect(isIsoDate(s.postedOn)).toBe(true);
    expect(s.takeDownOn === null || isIsoDate(s.takeDownOn)).toBe(true);
  }),
  schemaCase("createUserSchema", createUserSchema, arbs.createUser, (u) => {
    checkEmail(u.email);
    trimmedNonEmpty(u.name, 200);
    checkPassword(u);
    if (u.personLink.kind === "existing") expect(u.personLink.personId).not.toBe("");
    if (u.personLink.kind === "new") expect(u.organisationId).not.toBe("");
  }),
  schemaCase("updateUserSchema", updateUserSchema, arbs.updateUser, (u) => {
    trimmedNonEmpty(u.userId, 64);
    checkEmail(u.email);
    trimmedNonEmpty(u.name, 200);
  }),
  schemaCase("setPasswordSchema", setPasswordSchema, arbs.setPassword, (u) => {
    trimmedNonEmpty(u.userId, 64);
    checkPassword(u);
  }),
  schemaCase("bodyRoleSchema", bodyRoleSchema, arbs.bodyRole, (r) => {
    trimmedNonEmpty(r.userId, 64);
    trimmedNonEmpty(r.bodyId, 64);
    expect(["SECRETARY", "MEMBER"]).toContain(r.role);
  }),
  schemaCase("addMembershipSchema", addMembershipSchema, arbs.addMembership, (m) => {
    trimmedNonEmpty(m.bodyId, 64);
    trimmedNonEmpty(m.personId, 64);
    if (m.personId === "ny-person") trimmedNonEmpty(m.newPersonName, 200);
    trimmedNonEmpty(m.represents, 200);
    expect(isIsoDate(m.termStart) && isIsoDate(m.termEnd) && m.termStart <= m.termEnd).toBe(true);
    if (m.position !== null) expect(m.role).toBe("MEMBER");
  }),
  schemaCase("removeMembershipSchema", removeMembershipSchema, arbs.removeMembership, (m) =>
    trimmedNonEmpty(m.membershipId, 64),
  ),
];

describe.each(CASES)("$name", ({ name, schema, arb, check }) => {
  it(
    `${NUM_RUNS} generated inputs: never throws, Swedish messages, outputs keep the schema's promises`,
    () => {
      let passed = 0;
      fc.assert(
        fc.property(arb, (raw) => {
          const result = schema.safeParse(raw);
          if (result.success) {
            passed++;
            check(result.data as never);
            return;
          }
          expect(result.error.issues.length).toBeGreaterThan(0);
          for (const issue of result.error.issues) {
            if (isSwedishMessage(issue.message)) continue;
            const at = fieldPattern(issue.path);
            throw new Error(
              `${name}.${at}: message is not Swedish: ${JSON.stringify(issue.message)} (code ${issue.code})`,
            );
          }
        }),
        { numRuns: NUM_RUNS },
      );
      // The generators reach valid inputs too, so the output checks above ran.
      expect(passed, "inputs that parsed").toBeGreaterThan(NUM_RUNS / 100);
      if (process.env.FUZZ_REPORT) console.log(`${name}: ${passed}/${NUM_RUNS} parsed`);
    },
    TIMEOUT,
  );
});

describe("wrong types at the top", () => {
  it("every schema answers in Swedish (zod's Swedish locale, src/lib/zod.ts)", () => {
    for (const probe of [null, 1, "x", [], { bodyId: 1 }]) {
      for (const c of CASES) {
        const result = c.schema.safeParse(probe);
        if (!result.success)
          for (const issue of result.error.issues)
            expect(isSwedishMessage(issue.message), `${c.name}: ${issue.message}`).toBe(true);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Rich text: whatever passes the schema renders as inert markup
// ---------------------------------------------------------------------------------------------

const ALLOWED_TAGS = new Set([
  "div",
  "p",
  "br",
  "strong",
  "em",
  "h3",
  "h4",
  "h5",
  "h6",
  "ul",
  "li",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
]);
const ALLOWED_ATTRIBUTES = new Set(["class", "colspan", "rowspan", "scope"]);

/** The problems in rendered markup: tags or attributes outside the renderer's set, handlers, URLs. */
function unsafeMarkup(html: string): string[] {
  const problems: string[] = [];
  if (/<script/i.test(html)) problems.push("<script");
  if (/javascript:/i.test(html.replace(/>[^<]*</g, "><"))) problems.push("javascript: outside text");
  for (const [, tag, attrs] of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)) {
    if (!ALLOWED_TAGS.has(tag!.toLowerCase())) problems.push(`tag <${tag}>`);
    for (const [, attr] of attrs!.matchAll(/\s([^\s=/>]+)(?:="[^"]*")?/g)) {
      if (/^on/i.test(attr!)) problems.push(`handler ${attr}`);
      else if (!ALLOWED_ATTRIBUTES.has(attr!.toLowerCase())) problems.push(`attribute ${attr}`);
    }
  }
  return problems;
}

describe("richDocSchema and RichText", () => {
  it(
    `${NUM_RUNS} generated documents: what passes renders without script, handlers or javascript: URLs`,
    () => {
      let passed = 0;
      let scripted = 0;
      fc.assert(
        fc.property(richDocLike, (raw) => {
          const result = richDocSchema.safeParse(raw);
          if (!result.success) {
            for (const issue of result.error.issues) {
              if (isSwedishMessage(issue.message)) continue;
              const at = fieldPattern(issue.path);
              throw new Error(`richDocSchema.${at}: message is not Swedish: ${JSON.stringify(issue.message)}`);
            }
            return;
          }
          passed++;
          const doc: RichDoc = result.data;
          const html = renderToStaticMarkup(createElement(RichText, { doc }));
          expect(unsafeMarkup(html), html).toEqual([]);
          // Script-like text is there, escaped.
          if (toPlainText(doc).includes("<script>")) {
            scripted++;
            expect(html).toContain("&lt;script&gt;");
          }
        }),
        { numRuns: NUM_RUNS },
      );
      expect(passed, "documents that parsed").toBeGreaterThan(NUM_RUNS / 10);
      expect(scripted, "parsed documents with <script> text").toBeGreaterThan(10);
      if (process.env.FUZZ_REPORT)
        console.log(`richDocSchema: ${passed}/${NUM_RUNS} parsed, ${scripted} with <script> text`);
    },
    TIMEOUT,
  );

  it("renders the classic payloads as text", () => {
    const doc: RichDoc = {
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "<script>alert(1)</script>" }] },
        {
          type: "paragraph",
          content: [{ type: "text", text: '"><img src=x onerror=alert(1)>', marks: [{ type: "bold" }] }],
        },
        {
          type: "heading",
          attrs: { level: 3 },
          content: [{ type: "text", text: '<a href="javascript:alert(1)">x</a>' }],
        },
      ],
    };
    expect(richDocSchema.safeParse(doc).success).toBe(true);
    const html = renderToStaticMarkup(createElement(RichText, { doc }));
    expect(unsafeMarkup(html)).toEqual([]);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
  });
});
