// Checks of a package shared by the unit and integration tests: every XML file against its
// official XSD with xmllint (offline: the schemas are local), protokoll.json against its JSON
// Schema, and every checksum and size in the METS files against the bytes. Test-only.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { schemaDir } from "../schemas";

export interface UnpackedFile {
  path: string;
  bytes: Uint8Array;
}

/** xmllint --schema <xsd> --noout --nonet <file> for the bytes; returns xmllint's output, throws when invalid. */
export function xmllintValidate(xsdName: string, xml: Uint8Array): string {
  const dir = mkdtempSync(path.join(tmpdir(), "earkiv-xml-"));
  try {
    const file = path.join(dir, "doc.xml");
    writeFileSync(file, xml);
    return execFileSync("xmllint", ["--noout", "--nonet", "--schema", path.join(schemaDir(), xsdName), file], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`${xsdName}: ${e.stderr ?? e.message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every <mets:file> and <mets:mdRef> of a METS document: href (relative to it), size and SHA-256. */
export function metsChecksums(mets: string): { href: string; size: number; sha256: string; type: string }[] {
  const out: { href: string; size: number; sha256: string; type: string }[] = [];
  const fileRe = /<mets:file ([^>]*)>\s*<mets:FLocat [^>]*xlink:href="([^"]+)"/g;
  const mdRe = /<mets:mdRef ([^>]*)\/>/g;
  const attr = (attrs: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1] ?? "";
  for (const m of mets.matchAll(fileRe))
    out.push({
      href: m[2]!,
      size: Number(attr(m[1]!, "SIZE")),
      sha256: attr(m[1]!, "CHECKSUM"),
      type: attr(m[1]!, "CHECKSUMTYPE"),
    });
  for (const m of mets.matchAll(mdRe))
    out.push({
      href: attr(m[1]!, "xlink:href"),
      size: Number(attr(m[1]!, "SIZE")),
      sha256: attr(m[1]!, "CHECKSUM"),
      type: attr(m[1]!, "CHECKSUMTYPE"),
    });
  return out;
}

/**
 * Checks a package's files (paths relative to its folder): both METS files and the PREMIS and
 * descriptive records valid against their XSDs, every file listed in a METS with the right size
 * and SHA-256, no file unlisted. Returns the problems (none: an empty list).
 */
export function checkPackage(files: readonly UnpackedFile[]): string[] {
  const problems: string[] = [];
  const byPath = new Map(files.map((f) => [f.path, f.bytes]));
  const text = (p: string) => new TextDecoder().decode(byPath.get(p));
  for (const [p, xsd] of [
    ["METS.xml", "mets.xsd"],
    ["representations/rep1/METS.xml", "mets.xsd"],
    ["metadata/preservation/premis.xml", "premis.xsd"],
    ["metadata/descriptive/beskrivning.xml", "paragraf-beskrivning.xsd"],
  ] as const) {
    if (!byPath.has(p)) {
      problems.push(`${p} saknas`);
      continue;
    }
    try {
      xmllintValidate(xsd, byPath.get(p)!);
    } catch (error) {
      problems.push(`${p}: ${(error as Error).message}`);
    }
  }
  const listed = new Set<string>(["METS.xml"]);
  for (const metsPath of ["METS.xml", "representations/rep1/METS.xml"]) {
    if (!byPath.has(metsPath)) continue;
    const base = path.posix.dirname(metsPath);
    for (const c of metsChecksums(text(metsPath))) {
      const target = base === "." ? c.href : `${base}/${c.href}`;
      listed.add(target);
      const bytes = byPath.get(target);
      if (!bytes) problems.push(`${metsPath} nämner ${target}, som saknas`);
      else {
        if (c.type !== "SHA-256") problems.push(`${target}: CHECKSUMTYPE ${c.type}`);
        if (bytes.length !== c.size) problems.push(`${target}: storlek ${bytes.length}, METS säger ${c.size}`);
        const sha = createHash("sha256").update(bytes).digest("hex");
        if (sha !== c.sha256) problems.push(`${target}: SHA-256 stämmer inte med ${metsPath}`);
      }
    }
  }
  for (const f of files) if (!listed.has(f.path)) problems.push(`${f.path} finns inte i någon METS`);
  return problems;
}

/** The paths of a package with a public copy, a rättelse and one bilaga on § 62 (its safe file name), in zip order. */
export function layoutWithOneBilaga(bilagaFileName: string): string[] {
  return [
    "METS.xml",
    "documentation/LASMIG.txt",
    "metadata/descriptive/beskrivning.xml",
    "metadata/preservation/premis.xml",
    "representations/rep1/METS.xml",
    `representations/rep1/data/bilagor/p62-1-${bilagaFileName}`,
    "representations/rep1/data/kopior/001-offentlig-kopia.pdf",
    "representations/rep1/data/protokoll.json",
    "representations/rep1/data/protokoll.pdf",
    "representations/rep1/data/rattelser.json",
    "representations/rep1/schemas/paragraf-protokoll.schema.json",
    "schemas/DILCISExtensionMETS.xsd",
    "schemas/mets.xsd",
    "schemas/paragraf-beskrivning.xsd",
    "schemas/premis.xsd",
    "schemas/xlink.xsd",
  ];
}
