// `npm run restore -- <file>`: restore a backup made by `npm run backup` into an EMPTY database.
// Uses DATABASE_URL when set; otherwise the embedded database (.data/postgres, or
// $PARAGRAF_DATA_DIR/postgres). A fresh embedded database to restore into:
//   PARAGRAF_DATA_DIR=.data-restore npm run restore -- backups/paragraf-….pgbackup
// Method and checks: scripts/lib/backup.ts.
import path from "node:path";
import {
  BackupError,
  displayPath,
  formatBytes,
  formatRows,
  formatSeconds,
  readManifest,
  restoreDatabase,
  runningEmbeddedUrl,
} from "./lib/backup";
import { applyAppPrivileges, roleOf } from "./lib/db-roles";
import { DATA_DIR, embeddedUrls, fail, loadDotEnv, resolveDatabase, ROOT } from "./lib/env";

const USAGE =
  "Användning: npm run restore -- <fil>   (till en tom databas: DATABASE_URL, eller den inbyggda i .data eller $PARAGRAF_DATA_DIR)";

loadDotEnv();
const args = process.argv.slice(2);
if (args.includes("-h") || args.includes("--help")) {
  console.log(USAGE);
  process.exit(0);
}
if (args.length !== 1) fail(`Ange säkerhetskopian som ska återställas. ${USAGE}`);
const cwd = process.env.INIT_CWD ?? process.cwd();
const inFile = path.resolve(cwd, args[0]!);

// Check the file before starting or touching any database.
try {
  await readManifest(inFile);
} catch (e) {
  fail(
    e instanceof BackupError
      ? e.message
      : `Säkerhetskopian kunde inte läsas (${e instanceof Error ? e.message : String(e)}).`,
  );
}

const running = process.env.DATABASE_URL ? null : await runningEmbeddedUrl(DATA_DIR);
// As the owner: only it reads every table (the app role has no right to the migration history).
const db = running ? { ...embeddedUrls(running), embedded: true, stop: async () => {} } : await resolveDatabase();
console.log(
  db.embedded
    ? `Återställer till den inbyggda databasen i ${DATA_DIR}.`
    : `Återställer till databasen i DATABASE_URL (${new URL(db.url).host}).`,
);
try {
  const r = await restoreDatabase(db.ownerUrl, inFile, (line) => {
    if (!line.startsWith("Läser in ")) console.log(line);
  });
  // The restored tables belong to the owner; the app role gets its rights as after every migrate.
  if (roleOf(db.ownerUrl) !== roleOf(db.url)) await applyAppPrivileges(db.ownerUrl, roleOf(db.url));
  const m = r.manifest;
  console.log(
    `Återställd från ${displayPath(inFile, cwd)} (säkerhetskopia från ${m.createdAt}, PostgreSQL ${m.server.version}).`,
  );
  console.log(
    `  ${r.tables} tabeller, ${formatRows(r.rows)}, ${formatBytes(r.bytes)} tabelldata; schema ${formatSeconds(r.seconds.schema)}, data ${formatSeconds(r.seconds.data)}, ANALYZE ${formatSeconds(r.seconds.analyze)}, totalt ${formatSeconds(r.seconds.total)}.`,
  );
  console.log("  Radantal och SHA-256 för varje tabell stämmer med säkerhetskopians manifest.");
  if (r.upgradedWith.length > 0)
    console.log(`  Uppgraderad med ${r.upgradedWith.length} nyare migreringar: ${r.upgradedWith.join(", ")}.`);
  for (const w of r.warnings) console.log(`  Obs: ${w}`);
  if (db.embedded && process.env.PARAGRAF_DATA_DIR)
    console.log(`  Starta Paragraf på den: PARAGRAF_DATA_DIR=${process.env.PARAGRAF_DATA_DIR} npm start`);
} catch (e) {
  await db.stop();
  if (e instanceof BackupError) {
    if (e.code === "NOT_EMPTY" && db.embedded) {
      console.error(
        `\nTips: återställ till en ny, tom inbyggd databas i en annan mapp:\n  PARAGRAF_DATA_DIR=.data-restore npm run restore -- ${displayPath(inFile, cwd)}\n` +
          `och starta sedan med PARAGRAF_DATA_DIR=.data-restore npm start (eller stoppa Paragraf, flytta undan ${displayPath(DATA_DIR, ROOT)} och återställ igen).`,
      );
    } else if (e.code === "NOT_EMPTY") {
      console.error("\nTips: skapa en ny, tom databas (t.ex. createdb paragraf_restore) och peka DATABASE_URL på den.");
    }
    fail(e.message);
  }
  fail(`Återställningen misslyckades (${e instanceof Error ? e.message : String(e)}).`);
}
await db.stop();
