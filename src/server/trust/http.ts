/** One binary POST with a timeout, for the TSA and OCSP clients; errors in Swedish. */

export async function postDer(
  url: string,
  body: Uint8Array,
  contentType: string,
  expected: string,
  timeoutMs: number,
  what: string,
): Promise<Uint8Array<ArrayBuffer>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": contentType, accept: expected },
      body: new Uint8Array(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const cause =
      (error as Error).name === "TimeoutError" ? `inget svar inom ${timeoutMs} ms` : (error as Error).message;
    throw new Error(`${what} (${url}) kunde inte nås: ${cause}.`);
  }
  if (!response.ok) throw new Error(`${what} (${url}) svarade med HTTP ${response.status}.`);
  const type = response.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith(expected)) {
    throw new Error(`${what} (${url}) svarade med fel innehållstyp (${type || "ingen"}).`);
  }
  return new Uint8Array(await response.arrayBuffer());
}
