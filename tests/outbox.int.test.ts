// The mail outbox on real PostgreSQL, real pg-boss workers and a real SMTP server: a mail is
// delivered once after its transaction commits, never when it rolls back; a failing SMTP server
// is retried until it answers; two workers (two pg-boss instances on one database) deliver 100
// mails exactly once each (counted per Message-ID at the server).
import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import {
  afterCommit,
  deleteSentMail,
  KEEP_SENT_DAYS,
  PASSWORD_CODE_MAIL_KIND,
  queueMail,
  SENT_SECRET_TEXT,
} from "@/server/jobs/outbox";
import { startJobRunner, type JobRunner } from "@/server/jobs/runner";
import { createMigratedDatabase } from "./support/migrated-db";
import { startSmtpCapture, type SmtpCapture } from "./support/smtp-capture";

let db: PrismaClient;
let url: string;
let drop: () => Promise<void>;
let smtp: SmtpCapture;
const runners: JobRunner[] = [];
const saved = process.env.SMTP_URL;

beforeAll(async () => {
  ({ db, url, drop } = await createMigratedDatabase("outbox"));
  smtp = await startSmtpCapture();
  process.env.SMTP_URL = smtp.url;
}, 120_000);
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.stop()));
});
afterAll(async () => {
  if (saved === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = saved;
  await smtp?.stop();
  await drop?.();
});

const runner = async (name: string, options: { local?: boolean; retryDelaySeconds?: number } = {}) => {
  const r = await startJobRunner({
    connectionString: url,
    db,
    pollingIntervalSeconds: 0.5,
    schedule: false,
    applicationName: name,
    ...options,
  });
  runners.push(r);
  return r;
};

const mail = (n: number | string) => ({ to: `mottagare${n}@itsam.example`, subject: `Test ${n}`, text: `Hej ${n}` });
const messageIds = (from = 0) => smtp.messages.slice(from).map((m) => m.parsed.messageId);

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 20_000) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error("Tiden gick ut.");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("the mail outbox", () => {
  it("keeps a one-time code's text only until the mail has left; other mails keep theirs", async () => {
    await runner("outbox-secret");
    const before = smtp.messages.length;
    const [secret, plain] = await db.$transaction(async (tx) => [
      await queueMail(tx, { ...mail("kod"), text: "Din kod: 1234 5678" }, PASSWORD_CODE_MAIL_KIND),
      await queueMail(tx, mail("vanlig"), "test.plain"),
    ]);
    await afterCommit(db, [secret!, plain!]);
    const received = (await smtp.waitFor(before + 2, 10_000)).slice(before);
    expect(received.map((m) => m.parsed.text?.trim()).sort()).toEqual(["Din kod: 1234 5678", "Hej vanlig"]);
    await until(
      async () => (await db.mailOutbox.count({ where: { id: { in: [secret!, plain!] }, sentAt: null } })) === 0,
    );
    expect((await db.mailOutbox.findUniqueOrThrow({ where: { id: secret! } })).text).toBe(SENT_SECRET_TEXT);
    expect((await db.mailOutbox.findUniqueOrThrow({ where: { id: plain! } })).text).toBe("Hej vanlig");
  });

  it("delivers a mail once, after its transaction commits, marked with sentAt and the Message-ID", async () => {
    await runner("outbox-a");
    const before = smtp.messages.length;
    const id = await db.$transaction(async (tx) => {
      const id = await queueMail(tx, mail("commit"), "test.commit");
      // The job exists only with the transaction: nothing may be sent before commit.
      await new Promise((r) => setTimeout(r, 1_000));
      expect(smtp.messages.length).toBe(before);
      return id;
    });
    await afterCommit(db, [id]);
    const [received] = (await smtp.waitFor(before + 1, 10_000)).slice(before);
    expect(received!.envelopeTo).toEqual(["mottagare" + "commit@itsam.example"]);
    expect(received!.parsed.messageId).toBe(`<${id}@paragraf>`);
    await until(async () => (await db.mailOutbox.findUniqueOrThrow({ where: { id: id! } })).sentAt !== null);
    const row = await db.mailOutbox.findUniqueOrThrow({ where: { id: id! } });
    expect(row).toMatchObject({ kind: "test.commit", messageId: `<${id}@paragraf>`, attempts: 1, lastError: null });
    // The job done, nothing more is sent.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(smtp.messages.length).toBe(before + 1);
  });

  it("sends nothing when the transaction rolls back: neither the row nor its job exists", async () => {
    await runner("outbox-a");
    const before = smtp.messages.length;
    const rows = await db.mailOutbox.count();
    await expect(
      db.$transaction(async (tx) => {
        await queueMail(tx, mail("rollback"), "test.rollback");
        throw new Error("Ändringen misslyckades");
      }),
    ).rejects.toThrow("Ändringen misslyckades");
    expect(await db.mailOutbox.count()).toBe(rows);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(smtp.messages.length).toBe(before);
    expect(smtp.messages.some((m) => m.parsed.subject === "Test rollback")).toBe(false);
  });

  it("retries while the SMTP server is down and delivers once when it comes back", async () => {
    // A port with nothing listening; the capture server is started on it later.
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as net.AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    let late: SmtpCapture | null = null;
    try {
      await runner("outbox-a", { retryDelaySeconds: 1 });
      const id = await db.$transaction((tx) => queueMail(tx, mail("retry"), "test.retry"));
      await afterCommit(db, [id]);
      await until(async () => (await db.mailOutbox.findUniqueOrThrow({ where: { id: id! } })).attempts >= 2);
      const failing = await db.mailOutbox.findUniqueOrThrow({ where: { id: id! } });
      expect(failing.sentAt).toBeNull();
      expect(failing.lastError).toMatch(/ECONNREFUSED/);
      expect(failing.lastError).not.toContain("mottagare");

      late = await startSmtpCapture({ port });
      const [received] = await late.waitFor(1, 30_000);
      expect(received!.parsed.messageId).toBe(`<${id}@paragraf>`);
      await until(async () => (await db.mailOutbox.findUniqueOrThrow({ where: { id: id! } })).sentAt !== null);
      await new Promise((r) => setTimeout(r, 2_000));
      expect(late.messages).toHaveLength(1);
    } finally {
      await late?.stop();
      process.env.SMTP_URL = smtp.url;
    }
  }, 60_000);

  it("two workers on one database deliver 100 mails exactly once each", async () => {
    await runner("outbox-a");
    await runner("outbox-b", { local: false });
    const before = smtp.messages.length;
    // Queued in the transactions of 100 changes; the job of each is in pg-boss (runner a is
    // this process's queue), both runners' workers compete for them.
    const ids: (string | null)[] = [];
    for (let i = 0; i < 100; i += 10) {
      const batch = Array.from({ length: 10 }, (_, k) => mail(i + k));
      ids.push(...(await Promise.all(batch.map((m) => db.$transaction((tx) => queueMail(tx, m, "test.many"))))));
    }
    await afterCommit(db, ids);
    await smtp.waitFor(before + 100, 60_000);
    await new Promise((r) => setTimeout(r, 3_000));
    const received = messageIds(before);
    expect(received).toHaveLength(100);
    const counts = new Map<string, number>();
    for (const m of received) counts.set(m!, (counts.get(m!) ?? 0) + 1);
    expect(counts.size).toBe(100);
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
    expect(new Set(received)).toEqual(new Set(ids.map((id) => `<${id}@paragraf>`)));
    expect(await db.mailOutbox.count({ where: { id: { in: ids as string[] }, sentAt: null } })).toBe(0);
  }, 120_000);

  it("a process without a queue delivers right after commit, and a worker then finds nothing to send", async () => {
    const before = smtp.messages.length;
    const id = await db.$transaction((tx) => queueMail(tx, mail("inline"), "test.inline"));
    await afterCommit(db, [id]);
    expect(smtp.messages.length).toBe(before + 1);
    const r = await runner("outbox-a");
    await r.boss.send("mail-send", { outboxId: id }, { singletonKey: id! });
    await new Promise((res) => setTimeout(res, 2_000));
    expect(messageIds(before).filter((m) => m === `<${id}@paragraf>`)).toHaveLength(1);
  });

  it("the nightly cleanup deletes mail sent more than 30 days ago, keeps newer and unsent mail, and its queue runs it", async () => {
    const day = 86_400_000;
    const at = new Date();
    const row = (subject: string, sentDaysAgo: number | null, createdDaysAgo: number) =>
      db.mailOutbox.create({
        data: {
          kind: "test.cleanup",
          to: ["mottagare@itsam.example"],
          subject,
          text: subject,
          createdAt: new Date(at.getTime() - createdDaysAgo * day),
          sentAt: sentDaysAgo === null ? null : new Date(at.getTime() - sentDaysAgo * day),
        },
        select: { id: true },
      });
    const old = await row("gammal", KEEP_SENT_DAYS + 1, KEEP_SENT_DAYS + 1);
    const recent = await row("ny", KEEP_SENT_DAYS - 1, KEEP_SENT_DAYS + 5);
    const unsent = await row("osänd", null, 400);
    expect(await deleteSentMail(db, at)).toBeGreaterThanOrEqual(1);
    const left = new Set((await db.mailOutbox.findMany({ select: { id: true } })).map((r) => r.id));
    expect(left.has(old.id)).toBe(false);
    expect(left.has(recent.id)).toBe(true);
    expect(left.has(unsent.id)).toBe(true);

    // Through the queue, as the nightly schedule starts it.
    const again = await row("gammal igen", KEEP_SENT_DAYS + 2, KEEP_SENT_DAYS + 2);
    const r = await runner("outbox-cleanup");
    await r.boss.send("mail-cleanup", {});
    await until(async () => (await db.mailOutbox.count({ where: { id: again.id } })) === 0);
    expect(await db.mailOutbox.count({ where: { id: recent.id } })).toBe(1);
  });
});
