// Outgoing e-mail over SMTP (nodemailer), configured from the environment:
//   SMTP_URL   smtp://user:pass@host:587 (or smtps://… for TLS from the start)
//   MAIL_FROM  sender, default "Paragraf <no-reply@localhost>"
// Mail is a courtesy on top of the workflow, never part of it: without SMTP_URL each mail is
// logged as one line instead, and a failure to send is logged and reported as { sent: false },
// never thrown, so the action that triggered it (justering, return, signing) still succeeds.
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
