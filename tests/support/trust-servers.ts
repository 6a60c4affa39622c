/**
 * Real trust services for the PAdES tests (issue 18), started by the test: a CA made with
 * src/server/trust (pkijs), a time-stamping authority (RFC 3161) and an OCSP responder, both
 * OpenSSL run per request behind a tiny node:http server:
 *   TSA:  openssl ts -reply -config <generated cnf> -queryfile <request> -out <response>
 *   OCSP: openssl ocsp -index index.txt -CA ca.pem -rsigner ca.pem -rkey ca.key -reqin … -respout …
 * The responder answers from index.txt, the CA database in OpenSSL's format, to which `register`
 * and `revoke` add lines. No mocked crypto: every token and response is OpenSSL's.
 */
import { execFile } from "node:child_process";
import { generateKeyPairSync, type KeyObject, X509Certificate } from "node:crypto";
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import * as pkijs from "pkijs";
import { createCa, createPkcs12, EKU, issueCertificate, type SigningCa } from "@/server/trust";

const run = promisify(execFile);

export interface TrustServers {
  dir: string;
  ca: SigningCa;
  /** The CA certificate as a PEM file (for openssl -CAfile). */
  caFile: string;
  tsaUrl: string;
  ocspUrl: string;
  /** The TSA's certificate, DER. */
  tsaCertificate: Uint8Array;
  /** Requests served so far. */
  counts: { tsa: number; ocsp: number };
  /** Adds a certificate the CA issued to index.txt (status valid). */
  register(certificate: Uint8Array): void;
  /** Marks a registered certificate revoked. */
  revoke(certificate: Uint8Array, at: Date): void;
  close(): Promise<void>;
}

const pem = (label: string, der: Uint8Array) =>
  `-----BEGIN ${label}-----\n${Buffer.from(der)
    .toString("base64")
    .replace(/.{64}/g, "$&\n")
    .replace(/\n?$/, "\n")}-----END ${label}-----\n`;

const keyPem = (key: KeyObject) => key.export({ type: "pkcs8", format: "pem" }).toString();

/** OpenSSL's index.txt time: YYMMDDHHMMSSZ. */
const indexTime = (date: Date) => date.toISOString().replace(/[-:T]/g, "").slice(2, 14) + "Z";

function serve(handler: (body: Buffer) => Promise<{ type: string; body: Buffer }>, port = 0): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (req.method !== "POST") {
        res.writeHead(405).end();
        return;
      }
      handler(Buffer.concat(chunks)).then(
        ({ type, body }) => res.writeHead(200, { "content-type": type, "content-length": body.length }).end(body),
        (error: Error) => res.writeHead(500, { "content-type": "text/plain" }).end(error.message),
      );
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

const address = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

/**
 * `registerOnRequest`: the responder knows every certificate the CA issued, as a real CA's
 * database does: a serial asked about for the first time is added to index.txt as valid (the
 * app's signing CA issues certificates the test never sees before they are asked about).
 */
export interface TrustServerOptions {
  registerOnRequest?: boolean;
  /** Fixed ports (the e2e run's, scripts/lib/e2e-trust.ts); default any free one. */
  ports?: { tsa: number; ocsp: number };
  /**
   * Writes the CA (key and certificate) as PKCS#12 here before the servers listen, for an app
   * configured with PARAGRAF_SIGNING_CA_P12 (the responder then answers for what it issues).
   */
  pkcs12?: { file: string; passphrase: string };
}

export async function startTrustServers(now: Date, opts: TrustServerOptions = {}): Promise<TrustServers> {
  const dir = mkdtempSync(path.join(tmpdir(), "paragraf-trust-"));
  const ca = createCa({ commonName: "Testkommunens signerings-CA", organization: "Testkommunen" }, now);
  const caFile = path.join(dir, "ca.pem");
  writeFileSync(caFile, pem("CERTIFICATE", ca.certificate));
  writeFileSync(path.join(dir, "ca.key"), keyPem(ca.key), { mode: 0o600 });
  const index = path.join(dir, "index.txt");
  writeFileSync(index, "");
  writeFileSync(path.join(dir, "index.txt.attr"), "unique_subject = no\n");

  const register = (certificate: Uint8Array) => {
    const x = new X509Certificate(certificate);
    appendFileSync(index, `V\t${indexTime(new Date(x.validTo))}\t\t${x.serialNumber.toUpperCase()}\tunknown\t/CN=x\n`);
  };
  const revoke = (certificate: Uint8Array, at: Date) => {
    const x = new X509Certificate(certificate);
    const serial = x.serialNumber.toUpperCase();
    const lines = readFileSync(index, "utf8")
      .split("\n")
      .filter((l) => l && l.split("\t")[3] !== serial);
    lines.push(`R\t${indexTime(new Date(x.validTo))}\t${indexTime(at)}\t${serial}\tunknown\t/CN=x`);
    writeFileSync(index, `${lines.join("\n")}\n`);
  };

  // The TSA: an EC key, a certificate from the CA with the critical timeStamping EKU.
  const tsaKey = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const notAfter = new Date(now);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + 5);
  const tsaCertificate = issueCertificate(ca, {
    subject: { commonName: "Testkommunens tidsstämpeltjänst", organization: "Testkommunen" },
    publicKey: tsaKey.publicKey,
    notBefore: new Date(now.getTime() - 60_000),
    notAfter,
    keyUsage: ["digitalSignature", "nonRepudiation"],
    extendedKeyUsage: [EKU.timeStamping],
  });
  register(tsaCertificate);
  writeFileSync(path.join(dir, "tsa.pem"), pem("CERTIFICATE", tsaCertificate));
  writeFileSync(path.join(dir, "tsa.key"), keyPem(tsaKey.privateKey), { mode: 0o600 });
  writeFileSync(path.join(dir, "tsaserial"), "01\n");
  const cnf = path.join(dir, "tsa.cnf");
  writeFileSync(
    cnf,
    [
      "[ tsa ]",
      "default_tsa = tsa_config",
      "[ tsa_config ]",
      `serial = ${path.join(dir, "tsaserial")}`,
      `signer_cert = ${path.join(dir, "tsa.pem")}`,
      `certs = ${caFile}`,
      `signer_key = ${path.join(dir, "tsa.key")}`,
      "signer_digest = sha256",
      "default_policy = 1.3.6.1.4.1.99999.1.1",
      "digests = sha256, sha384, sha512",
      "accuracy = secs:1",
      "ordering = yes",
      "tsa_name = yes",
      "ess_cert_id_chain = no",
      "ess_cert_id_alg = sha256",
      "",
    ].join("\n"),
  );

  const counts = { tsa: 0, ocsp: 0 };
  let queue: Promise<unknown> = Promise.resolve();
  let sequence = 0;
  /** One OpenSSL run at a time (the TSA's serial file), request and response in files. */
  const openssl = (args: (request: string, response: string) => string[], body: Buffer) => {
    const next = queue.then(async () => {
      const n = ++sequence;
      const request = path.join(dir, `req-${n}.der`);
      const response = path.join(dir, `resp-${n}.der`);
      writeFileSync(request, body);
      await run("openssl", args(request, response));
      const out = readFileSync(response);
      rmSync(request);
      rmSync(response);
      return out;
    });
    queue = next.catch(() => undefined);
    return next;
  };

  if (opts.pkcs12) {
    writeFileSync(
      opts.pkcs12.file,
      createPkcs12(ca.key, [ca.certificate], opts.pkcs12.passphrase, "Testkommunens signerings-CA"),
      { mode: 0o600 },
    );
  }
  const tsa = await serve(async (body) => {
    counts.tsa++;
    const out = await openssl((q, r) => ["ts", "-reply", "-config", cnf, "-queryfile", q, "-out", r], body);
    return { type: "application/timestamp-reply", body: out };
  }, opts.ports?.tsa);
  const ocsp = await serve(async (body) => {
    counts.ocsp++;
    if (opts.registerOnRequest) {
      const request = pkijs.OCSPRequest.fromBER(new Uint8Array(body));
      const known = readFileSync(index, "utf8");
      for (const r of request.tbsRequest.requestList) {
        const serial = Buffer.from(r.reqCert.serialNumber.valueBlock.valueHexView).toString("hex").toUpperCase();
        const bare = serial.replace(/^(00)+(?=.)/, "");
        if (!known.split("\n").some((l) => l.split("\t")[3] === bare))
          appendFileSync(index, `V\t${indexTime(new Date(now.getTime() + 86_400_000))}\t\t${bare}\tunknown\t/CN=x\n`);
      }
    }
    const out = await openssl(
      (q, r) => [
        "ocsp",
        ...["-index", index, "-CA", caFile, "-rsigner", caFile, "-rkey", path.join(dir, "ca.key")],
        ...["-reqin", q, "-respout", r, "-ndays", "1"],
      ],
      body,
    );
    return { type: "application/ocsp-response", body: out };
  }, opts.ports?.ocsp);

  return {
    dir,
    ca,
    caFile,
    tsaUrl: address(tsa),
    ocspUrl: address(ocsp),
    tsaCertificate,
    counts,
    register,
    revoke,
    async close() {
      await Promise.all([tsa, ocsp].map((s) => new Promise((resolve) => s.close(resolve))));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
