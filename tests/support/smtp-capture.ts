// A throw-away SMTP server on 127.0.0.1 that keeps every message it receives, parsed, for tests
// that check what the app sends. Plain SMTP (no TLS), any or no login accepted.
//
//   const smtp = await startSmtpCapture();
//   process.env.SMTP_URL = smtp.url;
//   … run the action …
//   const [mail] = await smtp.waitFor(1);
//   await smtp.stop();
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface CapturedMail {
  /** Envelope sender and recipients, as given in MAIL FROM / RCPT TO. */
  envelopeFrom: string | null;
  envelopeTo: string[];
  /** The user name the client logged in with, or null without AUTH. */
  user: string | null;
  /** The message as sent. */
  raw: Buffer;
  /** The message parsed by mailparser: subject, text, from, to, headers … */
  parsed: ParsedMail;
}

export interface SmtpCapture {
  /** smtp://127.0.0.1:PORT, ready for SMTP_URL. */
  url: string;
  port: number;
  /** Every message received so far, in order. */
  messages: CapturedMail[];
  /** Resolves once `count` messages have arrived in all (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<CapturedMail[]>;
  stop(): Promise<void>;
}

/** `port`: a fixed port (the e2e mail server, scripts/e2e-mail.ts); by default any free one. */
export async function startSmtpCapture(options: { port?: number } = {}): Promise<SmtpCapture> {
  const messages: CapturedMail[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    // Lets a URL with user:pass log in over plain SMTP, as the app would against a relay.
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? "" });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) => {
            const from = session.envelope.mailFrom;
            messages.push({
              envelopeFrom: from ? from.address : null,
              envelopeTo: session.envelope.rcptTo.map((r) => r.address),
              user: typeof session.user === "string" ? session.user : null,
              raw,
              parsed,
            });
            for (const wake of waiters) wake();
            callback();
          })
          .catch((e: Error) => callback(e));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    waitFor(count, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return;
          cleanup();
          resolve(messages.slice(0, count));
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`Väntade på ${count} e-postmeddelanden, fick ${messages.length}.`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
