// sendMail against a real (local) SMTP server: recipients, subject and Swedish text arrive intact;
// without SMTP_URL the mail is logged; a server that cannot be reached never throws.
import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { buildAdjustmentRequestMail, buildReturnedMail } from "@/modules/justering/signoff.mail";
import { sendMail } from "@/server/mail";
import { startSmtpCapture, type SmtpCapture } from "./support/smtp-capture";

let smtp: SmtpCapture;
const saved = { SMTP_URL: process.env.SMTP_URL, MAIL_FROM: process.env.MAIL_FROM };

beforeAll(async () => {
  smtp = await startSmtpCapture();
});
afterAll(async () => smtp?.stop());
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  vi.restoreAllMocks();
});

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const meeting = { baseUrl: "http://127.0.0.1:3000", bodyName: "Direktionen", meetingDate: "2021-11-18" };

describe("sendMail", () => {
  it("sends a justering request to the chair and the justerare with the Swedish text intact", async () => {
    process.env.SMTP_URL = smtp.url;
    delete process.env.MAIL_FROM;
    const mail = buildAdjustmentRequestMail({
      ...meeting,
      recipients: [
        { name: "Jacob Käll", email: "ordforande@itsam.example" },
        { name: "Annicki Oscarsson", email: "justerare@itsam.example" },
      ],
      deadline: "2021-12-02",
    });
    const before = smtp.messages.length;
    expect(await sendMail(mail)).toEqual({ sent: true });
    const received = (await smtp.waitFor(before + 1)).at(-1)!;
    expect(received.envelopeTo).toEqual(["ordforande@itsam.example", "justerare@itsam.example"]);
    expect(received.envelopeFrom).toBe("no-reply@localhost");
    expect(received.user).toBeNull();
    expect(received.parsed.from?.text).toBe('"Paragraf" <no-reply@localhost>');
    expect(received.parsed.subject).toBe("Protokoll att justera: Direktionen 18 november 2021");
    const text = received.parsed.text ?? "";
    expect(text).toContain("Sammanträde: 18 november 2021");
    expect(text).toContain("Justera senast: torsdag 2 december 2021");
    expect(text).toContain("Läs och signera protokollet: http://127.0.0.1:3000/att-justera");
    expect(text).toContain("Ser du något som behöver rättas");
    expect(text.trim()).toBe(mail.text.trim());
  });

  it("uses MAIL_FROM, logs in with the URL's user and keeps å ä ö in subject and comment", async () => {
    process.env.SMTP_URL = smtp.url.replace("smtp://", "smtp://paragraf:hemligt%20lösen@");
    process.env.MAIL_FROM = "Itsam protokoll <protokoll@itsam.example>";
    const mail = buildReturnedMail({
      ...meeting,
      bodyName: "Överförmyndarnämnden",
      slug: "overformyndarnamnden-2021-11-18",
      secretary: { name: "Joakim Karlsson", email: "sekreterare@itsam.example" },
      returnedBy: "Åsa Ängsäter",
      comment: 'Rätta § 62: "Supportintäkter" ska vara 19 263 kr.\nÖvrigt: ändra stavningen på Ödeshög.',
    });
    const before = smtp.messages.length;
    expect(await sendMail(mail)).toEqual({ sent: true });
    const received = (await smtp.waitFor(before + 1)).at(-1)!;
    expect(received.envelopeTo).toEqual(["sekreterare@itsam.example"]);
    expect(received.user).toBe("paragraf");
    expect(received.parsed.from?.value).toEqual([{ name: "Itsam protokoll", address: "protokoll@itsam.example" }]);
    expect(received.parsed.subject).toBe("Protokollet har skickats tillbaka: Överförmyndarnämnden 18 november 2021");
    expect(received.parsed.text).toContain("Åsa Ängsäter har skickat tillbaka protokollet");
    expect(received.parsed.text).toContain(
      '> Rätta § 62: "Supportintäkter" ska vara 19 263 kr.\n> Övrigt: ändra stavningen på Ödeshög.',
    );
    expect(received.parsed.text).toContain("http://127.0.0.1:3000/moten/overformyndarnamnden-2021-11-18/redigera");
    expect(received.parsed.headers.get("content-type")).toMatchObject({ params: { charset: "utf-8" } });
  });

  it("logs one line instead of sending when SMTP_URL is unset", async () => {
    delete process.env.SMTP_URL;
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    const before = smtp.messages.length;
    expect(
      await sendMail({
        to: ["a@itsam.example", "b@itsam.example"],
        subject: "Protokoll att justera: Direktionen",
        text: "Hej",
      }),
    ).toEqual({ sent: false });
    expect(info).toHaveBeenCalledTimes(1);
    expect(info.mock.calls[0]![0]).toBe(
      "[e-post] SMTP_URL saknas, inte skickat. Till: a@itsam.example, b@itsam.example. Ämne: Protokoll att justera: Direktionen",
    );
    expect(smtp.messages.length).toBe(before);
  });

  it("resolves { sent: false } without throwing when the server cannot be reached, and keeps the password out of the log", async () => {
    process.env.SMTP_URL = `smtp://paragraf:hemligt@127.0.0.1:${await closedPort()}`;
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    await expect(sendMail({ to: "a@itsam.example", subject: "Test", text: "Hej" })).resolves.toEqual({ sent: false });
    expect(error).toHaveBeenCalledTimes(1);
    const line = String(error.mock.calls[0]![0]);
    expect(line).toMatch(
      /^\[e-post\] Kunde inte skicka via smtp:\/\/127\.0\.0\.1:\d+\. Till: a@itsam\.example\. Ämne: Test\. .*ECONNREFUSED/,
    );
    expect(line).not.toContain("hemligt");
  });

  it("does not throw on a malformed SMTP_URL or an empty recipient list", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    process.env.SMTP_URL = "inte en adress";
    await expect(sendMail({ to: "a@itsam.example", subject: "Test", text: "Hej" })).resolves.toEqual({ sent: false });
    expect(error).toHaveBeenCalledTimes(1);
    process.env.SMTP_URL = smtp.url;
    await expect(sendMail({ to: [], subject: "Test", text: "Hej" })).resolves.toEqual({ sent: false });
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
