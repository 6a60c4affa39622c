// The scheduled jobs on real PostgreSQL with two pg-boss workers on one database and the test
// clock (src/server/clock.ts): the justering reminder goes to each signer who has not signed
// exactly once per deadline, three days before it; the anslag's take-down day is recorded as one
// audit event and one mail to the secretary, however many jobs and workers run the scan.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { returnProtocol, sendForAdjustment, signProtocol } from "@/modules/justering/signoff.mutations";
import { setTestClock } from "@/server/clock";
import { recordTakeDowns, remindJusterare } from "@/server/jobs/scheduled";
import { QUEUES } from "@/server/jobs/queues";
import { startJobRunner, type JobRunner } from "@/server/jobs/runner";
import { contextFor, createSeededDatabase, SEED_SLUG } from "./support/seeded-db";
import { startSmtpCapture, type SmtpCapture } from "./support/smtp-capture";
import { fixSeedDefects } from "../prisma/seed/justera-demo";

let db: PrismaClient;
let url: string;
let drop: () => Promise<void>;
let smtp: SmtpCapture;
let meetingId: string;
let a: JobRunner;
let b: JobRunner;
const PASSWORD = "paragraf-demo";
const saved = { SMTP_URL: process.env.SMTP_URL, PARAGRAF_TEST_CLOCK: process.env.PARAGRAF_TEST_CLOCK };

beforeAll(async () => {
  ({ db, url, drop } = await createSeededDatabase("jobs"));
  meetingId = (await db.meeting.findUniqueOrThrow({ where: { slug: SEED_SLUG } })).id;
  smtp = await startSmtpCapture();
  process.env.SMTP_URL = smtp.url;
  process.env.PARAGRAF_TEST_CLOCK = "1";
  // The seed's real defects (as in signoff.int.test.ts), so that it can be sent for justering.
  await fixSeedDefects(db, meetingId);
  const common = { connectionString: url, db, pollingIntervalSeconds: 0.5, schedule: false };
  a = await startJobRunner({ ...common, applicationName: "jobs-a" });
  b = await startJobRunner({ ...common, applicationName: "jobs-b", local: false });
}, 180_000);
afterEach(() => setTestClock(null));
afterAll(async () => {
  await a?.stop();
  await b?.stop();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await smtp?.stop();
  await drop?.();
});

const reminders = (subject: RegExp) => smtp.messages.filter((m) => subject.test(m.parsed.subject ?? ""));
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `queue`'s job four times on the two workers, and the scan twice directly, all at once. */
async function runEverywhere(queue: string, direct: () => Promise<unknown>) {
  await Promise.all([
    a.boss.send(queue, {}),
    b.boss.send(queue, {}),
    a.boss.send(queue, {}),
    b.boss.send(queue, {}),
    direct(),
    direct(),
  ]);
  // Until both queues are empty (the jobs done), then a little longer for the mail workers.
  const start = Date.now();
  while ((await a.boss.getQueueSize(queue, { before: "completed" })) > 0) {
    if (Date.now() - start > 30_000) throw new Error("Jobben blev inte klara.");
    await pause(200);
  }
}

describe("scheduled jobs", () => {
  it("reminds each signer who has not signed once, three days before the justering deadline", async () => {
    const secretary = await contextFor(db, "secretary");
    expect((await sendForAdjustment(secretary, { meetingId })).ok).toBe(true);
    const subject = /^Påminnelse: justera protokollet från Direktionen 18 november 2021$/;

    // Four days before the deadline (torsdag 2 december 2021): nothing yet.
    setTestClock(new Date("2021-11-28T08:00:00+01:00"));
    await runEverywhere(QUEUES.reminders, () => remindJusterare(db, "2021-11-28", "http://paragraf.test"));
    await pause(1_500);
    expect(reminders(subject)).toHaveLength(0);

    // Three days before: one mail to the chair, one to the justerare, whoever runs the scan.
    setTestClock(new Date("2021-11-29T08:00:00+01:00"));
    await runEverywhere(QUEUES.reminders, () => remindJusterare(db, "2021-11-29", "http://paragraf.test"));
    await smtp.waitFor(smtp.messages.length, 1);
    await pause(2_500);
    const sent = reminders(subject);
    expect(sent.map((m) => m.envelopeTo.join(",")).sort()).toEqual([
      "justerare@itsam.example",
      "ordforande@itsam.example",
    ]);
    const text = sent[0]!.parsed.text ?? "";
    expect(text).toContain("väntar på din signatur");
    expect(text).toContain("Sista dag för justering är torsdag 2 december 2021 (om 3 dagar)");
    expect(text).toContain("/att-justera");

    // The next day (same deadline): nothing more.
    setTestClock(new Date("2021-11-30T08:00:00+01:00"));
    await runEverywhere(QUEUES.reminders, () => remindJusterare(db, "2021-11-30", "http://paragraf.test"));
    await pause(1_500);
    expect(reminders(subject)).toHaveLength(2);
    expect(await db.jobMark.count({ where: { key: { startsWith: "reminder.justering:" } } })).toBe(2);
  }, 120_000);

  it("a signer who has signed gets no reminder; one returned and sent again is reminded for the new round only once", async () => {
    // Returned and sent again: same meeting, same deadline: the marks stand, nobody is mailed twice.
    expect((await returnProtocol(await contextFor(db, "chair"), { meetingId, comment: "Rätta § 66." })).ok).toBe(true);
    expect((await sendForAdjustment(await contextFor(db, "secretary"), { meetingId })).ok).toBe(true);
    expect((await signProtocol(await contextFor(db, "chair"), { meetingId, password: PASSWORD })).ok).toBe(true);
    const before = reminders(/^Påminnelse/).length;
    setTestClock(new Date("2021-12-01T08:00:00+01:00"));
    await runEverywhere(QUEUES.reminders, () => remindJusterare(db, "2021-12-01", "http://paragraf.test"));
    await pause(1_500);
    expect(reminders(/^Påminnelse/)).toHaveLength(before);
  }, 60_000);

  it("records the anslag's take-down on its day once, as an audit event, and tells the secretary once", async () => {
    expect((await signProtocol(await contextFor(db, "adjuster"), { meetingId, password: PASSWORD })).ok).toBe(true);
    expect((await signProtocol(await contextFor(db, "secretary"), { meetingId, password: PASSWORD })).ok).toBe(true);
    const notice = await db.notice.findUniqueOrThrow({ where: { meetingId } });
    const takeDownOn = notice.takeDownOn.toISOString().slice(0, 10);
    const subject = /^Anslaget kan tas ned: Direktionen 18 november 2021$/;
    const events = () => db.auditLog.count({ where: { meetingId, action: "notice.takenDown" } });

    // The day before: nothing.
    const dayBefore = new Date(notice.takeDownOn.getTime() - 86_400_000).toISOString().slice(0, 10);
    setTestClock(new Date(`${dayBefore}T12:00:00+01:00`));
    await runEverywhere(QUEUES.noticeTakedown, () => recordTakeDowns(db, dayBefore, "http://paragraf.test"));
    expect(await events()).toBe(0);

    // The day: one event, one mail, with two workers and six scans.
    setTestClock(new Date(`${takeDownOn}T12:00:00+01:00`));
    await runEverywhere(QUEUES.noticeTakedown, () => recordTakeDowns(db, takeDownOn, "http://paragraf.test"));
    await pause(2_500);
    expect(await events()).toBe(1);
    const event = await db.auditLog.findFirstOrThrow({ where: { meetingId, action: "notice.takenDown" } });
    expect(event).toMatchObject({ userId: null, entity: "Notice", entityId: meetingId });
    expect(event.data).toMatchObject({ takeDownOn, recordedOn: takeDownOn });
    const mails = reminders(subject);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.envelopeTo).toEqual(["sekreterare@itsam.example"]);
    expect(mails[0]!.parsed.text).toContain("Tiden för överklagande har gått ut");

    // The day after: still one.
    const dayAfter = new Date(notice.takeDownOn.getTime() + 86_400_000).toISOString().slice(0, 10);
    setTestClock(new Date(`${dayAfter}T12:00:00+01:00`));
    await runEverywhere(QUEUES.noticeTakedown, () => recordTakeDowns(db, dayAfter, "http://paragraf.test"));
    await pause(1_500);
    expect(await events()).toBe(1);
    expect(reminders(subject)).toHaveLength(1);
  }, 120_000);
});
