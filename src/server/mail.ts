// Outgoing e-mail over SMTP (nodemailer), configured from the environment:
//   SMTP_URL   smtp://user:pass@host:587 (or smtps://… for TLS from the start)
//   MAIL_FROM  sender, default "Paragraf <no-reply@localhost>"
// Mail is a courtesy on top of the workflow, never part of it. The app's mails go through the
// outbox (src/server/jobs/outbox.ts): written with the change, sent after commit by the job
// worker with deliverMail, which throws so that the queue retries. sendMail is the direct,
// never-throwing form: without SMTP_URL each mail is logged as one line instead, and a failure
// to send is logged and reported as { sent: false }.
import nodemailer from "nodemailer";

export interface OutgoingMail {
  to: string | readonly string[];
  subject: string;
  text: string;
}

export const DEFAULT_MAIL_FROM = "Paragraf <no-reply@localhost>";

// nodemailer waits minutes by default; an action waiting on mail should not.
const TIMEOUTS = { connectionTimeout: "10000", greetingTimeout: "10000", socketTimeout: "20000" } as const;

/** The URL with short timeouts unless it sets its own (nodemailer reads options from the query). */
function withTimeouts(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  for (const [key, value] of Object.entries(TIMEOUTS)) {
    if (!url.searchParams.has(key)) url.searchParams.set(key, value);
  }
  return url.toString();
}

/** For log lines: the server without its credentials. */
function describeServer(smtpUrl: string): string {
  try {
    const url = new URL(smtpUrl);
    return `${url.protocol}//${url.host}`;
  } catch {
    return "(ogiltig SMTP_URL)";
  }
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** The SMTP server is not configured (SMTP_URL unset): nothing to retry. */
export class MailNotConfigured extends Error {}

function recipients(to: string | readonly string[]): string[] {
  return (typeof to === "string" ? [to] : [...to]).map((a) => a.trim()).filter(Boolean);
}

/**
 * Sends one mail and returns its Message-ID; throws when the server refuses or cannot be
 * reached (with the reason, never the password), MailNotConfigured without SMTP_URL.
 * `messageId`: the Message-ID to use ("<id@host>"), so that a receiver can tell a resend.
 */
export async function deliverMail(
  mail: OutgoingMail,
  options: { messageId?: string } = {},
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ messageId: string }> {
  const to = recipients(mail.to);
  if (to.length === 0) throw new Error("Ingen mottagare.");
  const smtpUrl = env.SMTP_URL?.trim();
  if (!smtpUrl) throw new MailNotConfigured("SMTP_URL saknas.");
  let transport: ReturnType<typeof nodemailer.createTransport>;
  try {
    transport = nodemailer.createTransport(withTimeouts(smtpUrl));
  } catch (e) {
    throw new Error(`Ogiltig SMTP_URL (${describeServer(smtpUrl)}): ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    const info = await transport.sendMail({
      from: env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM,
      to,
      subject: oneLine(mail.subject),
      text: mail.text,
      ...(options.messageId ? { messageId: options.messageId } : {}),
    });
    return { messageId: String(info.messageId ?? options.messageId ?? "") };
  } catch (e) {
    const reason = e instanceof Error ? `${(e as { code?: string }).code ?? e.name}: ${e.message}` : String(e);
    throw new Error(`Kunde inte skicka via ${describeServer(smtpUrl)}. ${oneLine(reason)}`);
  } finally {
    transport.close();
  }
}

export async function sendMail(mail: OutgoingMail, env: NodeJS.ProcessEnv = process.env): Promise<{ sent: boolean }> {
  const to = (typeof mail.to === "string" ? [mail.to] : [...mail.to]).map((a) => a.trim()).filter(Boolean);
  const subject = oneLine(mail.subject);
  if (to.length === 0) {
    console.warn(`[e-post] Ingen mottagare; inte skickat: ${subject}`);
    return { sent: false };
  }
  const smtpUrl = env.SMTP_URL?.trim();
  if (!smtpUrl) {
    console.info(`[e-post] SMTP_URL saknas, inte skickat. Till: ${to.join(", ")}. Ämne: ${subject}`);
    return { sent: false };
  }
  try {
    const transport = nodemailer.createTransport(withTimeouts(smtpUrl));
    await transport.sendMail({ from: env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM, to, subject, text: mail.text });
    return { sent: true };
  } catch (e) {
    const reason = e instanceof Error ? `${(e as { code?: string }).code ?? e.name}: ${e.message}` : String(e);
    console.error(
      `[e-post] Kunde inte skicka via ${describeServer(smtpUrl)}. Till: ${to.join(", ")}. Ämne: ${subject}. ${oneLine(reason)}`,
    );
    return { sent: false };
  }
}
