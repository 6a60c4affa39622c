// `npm run earkiv -- <meeting slug or id> <out.zip>`
// `npm run earkiv -- --organ <body slug> --ar <year> <out.zip>`
// The e-arkiv package (SIP: E-ARK CSIP / FGS Paketstruktur 2.0) of a justerat protocol, or of
// every justerat protocol of a body in a year (one package folder each), on the embedded database
// when DATABASE_URL is unset (or the one a running `npm start` uses), like the app. Each package
// written gets an audit row ("earkiv.export", by the system), as an export from the app does.
import { writeFileSync } from "node:fs";
import { createPrismaClient } from "../src/server/db";
import type { PrismaClient } from "../src/generated/prisma/client";
import {
  addPackage,
  auditEarkivExport,
  earkivPackageFor,
  listAdjustedSlugs,
  newZip,
  zipBytes,
} from "../src/modules/earkiv";
import { fail, loadDotEnv, migrate, resolveDatabase } from "./lib/env";

const USAGE =
  "Använd: npm run earkiv -- <sammanträde (t.ex. direktionen-2021-11-18) eller id> <fil.zip>\n" +
  "    eller npm run earkiv -- --organ <organ (t.ex. direktionen)> --ar <år> <fil.zip>";

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? (args[at + 1] ?? "") : null;
};
const bodySlug = option("--organ");
const yearText = option("--ar");
const positional = args.filter((a, i) => !a.startsWith("--") && !["--organ", "--ar"].includes(args[i - 1] ?? ""));
if ((bodySlug === null) !== (yearText === null)) fail(`Ange både --organ och --ar. ${USAGE}`);
const bulk = bodySlug !== null;
const [ref, out] = bulk ? [null, positional[0]] : positional;
if (!out || (!bulk && !ref) || !out.endsWith(".zip")) fail(USAGE);
if (bulk && !/^\d{4}$/.test(yearText!)) fail(`Ange året med fyra siffror, t.ex. --ar 2021. ${USAGE}`);

/** Writes the zip of the packages named on the command line; fails with a Swedish sentence. */
async function exportPackages(db: PrismaClient): Promise<void> {
  const t0 = performance.now();
  let slugs: string[];
  if (bulk) {
    const bodies = await db.body.findMany({ where: { slug: bodySlug! }, select: { id: true } });
    if (bodies.length === 0) fail(`Organet "${bodySlug}" finns inte.`);
    slugs = (await Promise.all(bodies.map((b) => listAdjustedSlugs(db, b.id, Number(yearText))))).flat();
    if (slugs.length === 0) fail(`${bodySlug} har inga justerade protokoll ${yearText}.`);
  } else {
    const byId = await db.meeting.findUnique({ where: { id: ref! }, select: { slug: true } });
    slugs = [byId?.slug ?? ref!];
  }
  const zip = newZip();
  for (const slug of slugs) {
    const built = await earkivPackageFor(db, slug);
    if (!built.ok) fail(`${slug}: ${built.message}`);
    const meeting = await db.meeting.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    await auditEarkivExport(db, { userId: null, ip: null }, meeting.id, built.pkg, { via: "npm run earkiv" });
    addPackage(zip, built.pkg);
    if (built.pkg.containsConfidential)
      console.log(`${built.pkg.objid}: innehåller sekretessmarkerade paragrafer (i sin helhet).`);
  }
  const bytes = await zipBytes(zip);
  writeFileSync(out!, bytes);
  const ms = (performance.now() - t0).toFixed(0);
  console.log(`Skrev ${out}: ${slugs.length} paket, ${(bytes.length / 1024).toFixed(0)} kB på ${ms} ms.`);
}

loadDotEnv();
const database = await resolveDatabase();
let client: PrismaClient | null = null;
try {
  await migrate();
  client = createPrismaClient(database.url);
  await exportPackages(client);
} finally {
  await client?.$disconnect();
  await database.stop();
}
