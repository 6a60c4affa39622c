import { cookies } from "next/headers";
import { connection } from "next/server";
import { toSwedishDate, type IsoDate } from "@/lib/iso-date";

/**
 * The current instant. End-to-end tests start the server with PARAGRAF_TEST_CLOCK=1 and move
 * time with the cookie "paragraf-now" (an ISO instant); without that variable the cookie is
 * ignored, so production always uses the real clock.
 */
export async function now(): Promise<Date> {
  // What is shown depends on the time of the request, never on the time of the build.
  await connection();
  if (process.env.PARAGRAF_TEST_CLOCK === "1") {
    const value = (await cookies()).get("paragraf-now")?.value;
    const t = value ? new Date(value) : null;
    if (t && !Number.isNaN(t.getTime())) return t;
  }
  return new Date();
}

/** Today in Sweden. */
export async function today(): Promise<IsoDate> {
  return toSwedishDate(await now());
}
