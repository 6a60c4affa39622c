// The e2e run's mail server (playwright.config.ts starts it beside the app): a real SMTP server
// that the app's nodemailer sends to (SMTP_URL), keeping every message, and an HTTP endpoint on
// 127.0.0.1 from which the specs read them (e2e/mail.ts):
//   GET /messages  → [{ envelopeFrom, envelopeTo, from, to, subject, text, date, attachments }]
// Ports from the app's port (scripts/lib/e2e-mail-ports.ts). No TLS, any login accepted: a test
// double for a relay, never for production.
import { createServer } from "node:http";
import { startSmtpCapture, type CapturedMail } from "../tests/support/smtp-capture";
import { e2eMailPorts } from "./lib/e2e-mail-ports";

const ports = e2eMailPorts(Number(process.env.E2E_PORT ?? 3100));
const smtp = await startSmtpCapture({ port: ports.smtp });

function toJson(m: CapturedMail) {
  const addresses = (a: CapturedMail["parsed"]["to"]) =>
    (Array.isArray(a) ? a : a ? [a] : []).flatMap((x) => x.value.map((v) => v.address ?? ""));
  return {
    envelopeFrom: m.envelopeFrom,
    envelopeTo: m.envelopeTo,
    from: m.parsed.from?.text ?? null,
    to: addresses(m.parsed.to),
    subject: m.parsed.subject ?? "",
    text: m.parsed.text ?? "",
    date: m.parsed.date?.toISOString() ?? null,
    attachments: m.parsed.attachments.map((a) => ({
      filename: a.filename ?? null,
      contentType: a.contentType,
      size: a.size,
    })),
  };
}

const http = createServer((req, res) => {
  if (req.method === "GET" && (req.url === "/messages" || req.url === "/")) {
    res.writeHead(200, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
    res.end(JSON.stringify(smtp.messages.map(toJson)));
    return;
  }
  res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
  res.end("Finns inte: GET /messages\n");
});
await new Promise<void>((resolve, reject) => {
  http.once("error", reject);
  http.listen(ports.http, "127.0.0.1", () => resolve());
});
console.log(`E-postfångaren: SMTP ${smtp.url}, meddelandena på http://127.0.0.1:${ports.http}/messages`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    http.close();
    void smtp.stop().then(() => process.exit(0));
  });
}
