// `npm run db:seed`: load the demo data into the database at DATABASE_URL if it is empty.
import { createPrismaClient } from "../src/server/db";
import { itsamSeed } from "./seed/itsam-direktionen-2021-11-18";
import { hasData, loadSeed } from "./seed/load-seed";

const db = createPrismaClient(process.env.DATABASE_URL ?? "");
try {
  if (await hasData(db)) {
    console.log("Databasen har redan data; demodata laddas inte.");
  } else {
    await loadSeed(db, itsamSeed);
    console.log("Demodata laddad: Itsam, direktionen 2021-11-18 (§§ 59–67).");
  }
} finally {
  await db.$disconnect();
}
