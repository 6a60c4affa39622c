/**
 * Opening a PKCS#12 (PFX): the private key, its certificate and the chain. node-forge reads the
 * container; certificates are kept as the issuer's bytes; keys become node:crypto KeyObjects (RSA,
 * or EC from their PKCS#8 bytes). Used by the organisation seal (seal.ts) and the signing CA
 * (server/trust).
 */
import { createPrivateKey, createPublicKey, type KeyObject, X509Certificate } from "node:crypto";
import * as asn1js from "asn1js";
import forge from "node-forge";

export interface KeyAndChain {
  key: KeyObject;
  /** The key's certificate, DER. */
  certificate: Uint8Array;
  /** The other certificates in the file (issuers), DER, nearest first when they chain. */
  chain: Uint8Array[];
}

const derBytes = (node: forge.asn1.Asn1) => Buffer.from(forge.asn1.toDer(node).getBytes(), "binary");

/**
 * A certificate's DER from forge's parse: the TBSCertificate as read, the signature algorithm
 * copied from the TBS (X.509 requires both to be equal) and the signature; forge's own
 * re-encoding may differ from the issuer's bytes.
 */
function certificateDer(cert: forge.pki.Certificate): Buffer {
  const tbsNode = (cert as unknown as { tbsCertificate?: forge.asn1.Asn1 }).tbsCertificate;
  if (!tbsNode) return derBytes(forge.pki.certificateToAsn1(cert));
  const tbs = derBytes(tbsNode);
  const parsed = asn1js.fromBER(new Uint8Array(tbs)).result as asn1js.Sequence;
  const fields = parsed.valueBlock.value;
  const algorithm = fields[fields[0]?.idBlock.tagClass === 3 ? 2 : 1]!;
  const signature = new asn1js.BitString({ valueHex: Buffer.from(cert.signature as string, "binary") });
  const outer = new asn1js.Sequence({
    value: [asn1js.fromBER(new Uint8Array(tbs)).result, asn1js.fromBER(algorithm.toBER()).result, signature],
  });
  return Buffer.from(outer.toBER());
}

const spki = (key: KeyObject) => key.export({ type: "spki", format: "der" });

/**
 * The private key of a PKCS#12, its certificate and the chain (nearest issuer first, then anything
 * else in the file). `what` names the file in the Swedish errors.
 */
export function openPkcs12(p12: Uint8Array, passphrase: string, what: string): KeyAndChain {
  let pfx: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(p12).toString("binary")));
    pfx = forge.pkcs12.pkcs12FromAsn1(asn, false, passphrase);
  } catch (error) {
    throw new Error(`${what} kunde inte öppnas – fel lösenord eller trasig fil? (${(error as Error).message})`);
  }
  const keys: KeyObject[] = [];
  const certificates: Buffer[] = [];
  for (const contents of pfx.safeContents) {
    for (const bag of contents.safeBags) {
      if (bag.type === forge.pki.oids.keyBag || bag.type === forge.pki.oids.pkcs8ShroudedKeyBag) {
        if (bag.key) keys.push(createPrivateKey(forge.pki.privateKeyToPem(bag.key)));
        // An EC key forge cannot decode: taken from its PKCS#8 bytes.
        else if (bag.asn1) keys.push(createPrivateKey({ key: derBytes(bag.asn1), format: "der", type: "pkcs8" }));
      } else if (bag.type === forge.pki.oids.certBag) {
        const der = bag.cert ? certificateDer(bag.cert) : bag.asn1 ? derBytes(bag.asn1) : null;
        if (der && !certificates.some((c) => c.equals(der))) certificates.push(der);
      }
    }
  }
  const x509 = certificates.map((der) => new X509Certificate(der));
  for (const cert of x509) {
    const issuer = x509.find((c) => cert.checkIssued(c));
    if (issuer && !cert.verify(issuer.publicKey)) throw new Error(`Certifikatet ${cert.subject} i ${what} är skadat.`);
  }
  for (const key of keys) {
    const pub = spki(createPublicKey(key));
    const index = x509.findIndex((c) => spki(c.publicKey).equals(pub));
    if (index < 0) continue;
    // The chain from the key's certificate upwards, then anything else in the file.
    const chain: number[] = [];
    for (let at = index; ;) {
      const next = x509.findIndex((c, i) => i !== at && !chain.includes(i) && x509[at]!.checkIssued(c));
      if (next < 0 || next === index) break;
      chain.push(next);
      at = next;
    }
    const rest = x509.map((_, i) => i).filter((i) => i !== index && !chain.includes(i));
    return {
      key,
      certificate: new Uint8Array(certificates[index]!),
      chain: [...chain, ...rest].map((i) => new Uint8Array(certificates[i]!)),
    };
  }
  throw new Error(`${what} innehåller ingen privat nyckel med tillhörande certifikat.`);
}
