import { expect, type APIRequestContext } from "@playwright/test";
import { e2eMailPorts } from "../scripts/lib/e2e-mail-ports";

/** A message the app sent, as the e2e mail server (scripts/e2e-mail.ts) caught it over SMTP. */
export interface CaughtMail {
  envelopeFrom: string | null;
  envelopeTo: string[];
  from: string | null;
  to: string[];
  subject: string;
  text: string;
  date: string | null;
  attachments: { filename: string | null; contentType: string; size: number }[];
}

/** Every message the app has sent in this e2e run so far (all specs share the server). */
export async function caughtMail(request: APIRequestContext, baseURL: string | undefined): Promise<CaughtMail[]> {
  const appPort = Number(new URL(baseURL ?? "http://127.0.0.1:3100").port);
  const res = await request.get(`http://127.0.0.1:${e2eMailPorts(appPort).http}/messages`);
  expect(res.status(), "the e2e mail server answers").toBe(200);
  return (await res.json()) as CaughtMail[];
}

/** Waits (polling) for the one message to `to` whose subject matches, and returns it. */
export async function waitForMail(
  request: APIRequestContext,
  baseURL: string | undefined,
  to: string,
  subject: RegExp,
): Promise<CaughtMail> {
  let found: CaughtMail[] = [];
  await expect
    .poll(
      async () => {
        found = (await caughtMail(request, baseURL)).filter(
          (m) => m.envelopeTo.includes(to) && subject.test(m.subject),
        );
        return found.length;
      },
      { message: `a mail to ${to} with the subject ${subject}`, timeout: 15_000 },
    )
    .toBe(1);
  return found[0]!;
}
