// `npm run render -- <meeting slug or id> <out.pdf> [--notice | --extract 62[,63]]`
// Renders a protocol, its notice or an extract to PDF from the command line, on the embedded
// database when DATABASE_URL is unset (or the one a running `npm start` uses), like the app.
import { writeFileSync } from "node:fs";
import { findProtocolBySlug } from "../src/server/protocol.queries";
import { renderExtractPdf, renderNoticePdf, renderProtocolPdf } from "../src/pdf";
import { createPrismaClient } from "../src/server/db";
import { fail, loadDotEnv, migrate, resolveDatabase } from "./lib/env";

const USAGE =
  "Använd: npm run render -- <sammanträde (t.ex. direktionen-2021-11-18) eller id> <fil.pdf> [--notice | --extract 62]";

const args = process.argv.slice(2);
const [ref, out] = args;
if (!ref || !out || ref.startsWith("--") || out.startsWith("--")) fail(USAGE);
const notice = args.includes("--notice");
const extractAt = args.indexOf("--extract");
const extract = extractAt >= 0 ? (args[extractAt + 1] ?? "").split(",").map((n) => Number(n.trim())) : null;
if (extract && (extract.length === 0 || extract.some((n) => !Number.isInteger(n) || n < 1)))
  fail(`Ange paragrafnummer efter --extract, t.ex. --extract 62. ${USAGE}`);
if (notice && extract) fail("Välj antingen --notice eller --extract, inte båda.");

loadDotEnv();
const database = await resolveDatabase();
try {
  await migrate();
  const db = createPrismaClient(database.url);
  try {
    const byId = await db.meeting.findUnique({ where: { id: ref }, select: { slug: true } });
    const protocol = await findProtocolBySlug(db, byId?.slug ?? ref);
    if (!protocol) fail(`Sammanträdet "${ref}" finns inte. Ange adressnamnet, t.ex. direktionen-2021-11-18.`);
    if (notice && !protocol.notice) fail("Protokollet har inget anslag ännu.");
    const missing = extract?.filter((n) => !protocol.paragraphs.some((p) => p.number === n)) ?? [];
    if (missing.length > 0)
      fail(
        `§ ${missing.join(", ")} finns inte i protokollet (det har §§ ${protocol.paragraphs.map((p) => p.number).join(", ")}).`,
      );
    const t0 = performance.now();
    const bytes = notice
      ? await renderNoticePdf(protocol)
      : extract
        ? await renderExtractPdf(protocol, extract)
        : await renderProtocolPdf(protocol);
    writeFileSync(out, bytes);
    console.log(
      `Skrev ${out}: ${(bytes.length / 1024).toFixed(0)} kB på ${(performance.now() - t0).toFixed(0)} ms (${notice ? "anslag" : extract ? `utdrag § ${extract.join(", ")}` : "protokoll"}, ${protocol.body.name} ${protocol.meeting.date}).`,
    );
  } finally {
    await db.$disconnect();
  }
} finally {
  await database.stop();
}
