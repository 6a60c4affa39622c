// `npm run backup -- [file]`: a consistent backup of the whole database into one file, by default
// backups/paragraf-YYYYMMDD-HHMMSS.pgbackup. Uses DATABASE_URL when set; otherwise the embedded
// database (.data/postgres, or $PARAGRAF_DATA_DIR/postgres), also while `npm start` runs on it.
// Format and method: scripts/lib/backup.ts. Restore with `npm run restore -- <file>`.
import path from "node:path";
import {
  BackupError,
  backupDatabase,
  displayPath,
  formatBytes,
  formatRows,
  formatSeconds,
  runningEmbeddedUrl,
} from "./lib/backup";
import { DATA_DIR, embeddedUrls, fail, loadDotEnv, resolveDatabase, ROOT } from "./lib/env";

const USAGE = "Användning: npm run backup -- [fil]   (standard: backups/paragraf-ÅÅÅÅMMDD-TTMMSS.pgbackup)";

loadDotEnv();
const args = process.argv.slice(2);
if (args.includes("-h") || args.includes("--help")) {
  console.log(USAGE);
  process.exit(0);
}
if (args.length > 1) fail(`Ange högst en fil. ${USAGE}`);

/** Relative paths are relative to where the user ran npm (npm itself runs scripts in the project root). */
const cwd = process.env.INIT_CWD ?? process.cwd();
const outFile = args[0]
  ? path.resolve(cwd, args[0])
  : path.join(ROOT, "backups", `paragraf-${stamp(new Date())}.pgbackup`);

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

const running = process.env.DATABASE_URL ? null : await runningEmbeddedUrl(DATA_DIR);
// As the owner: only it reads every table (the app role has no right to the migration history).
const db = running ? { ...embeddedUrls(running), embedded: true, stop: async () => {} } : await resolveDatabase();
console.log(
  running
    ? `Säkerhetskopierar den inbyggda databasen som redan körs (${DATA_DIR}).`
    : db.embedded
      ? `Säkerhetskopierar den inbyggda databasen (${DATA_DIR}).`
      : `Säkerhetskopierar databasen i DATABASE_URL (${new URL(db.url).host}).`,
);
try {
  const result = await backupDatabase(db.ownerUrl, outFile);
  const m = result.manifest;
  const last = m.migrations.at(-1)?.name ?? "inga";
  console.log(`Säkerhetskopia sparad: ${displayPath(result.file, cwd)}`);
  console.log(
    `  ${m.totals.tables} tabeller, ${formatRows(m.totals.rows)}, ${formatBytes(m.totals.bytes)} tabelldata → fil ${formatBytes(result.fileBytes)}, ${formatSeconds(result.seconds)}.`,
  );
  const biggest = [...m.tables].sort((a, b) => b.bytes - a.bytes).slice(0, 3);
  console.log(
    `  Störst: ${biggest.map((t) => `${t.name} ${formatBytes(t.bytes)} (${formatRows(t.rows)})`).join(", ")}.`,
  );
  console.log(`  PostgreSQL ${m.server.version}, ${m.migrations.length} migreringar (senaste ${last}).`);
  console.log(`  Återställ med: npm run restore -- ${displayPath(result.file, cwd)}`);
} catch (e) {
  await db.stop();
  if (e instanceof BackupError) fail(e.message);
  fail(`Säkerhetskopieringen misslyckades (${e instanceof Error ? e.message : String(e)}).`);
}
await db.stop();
