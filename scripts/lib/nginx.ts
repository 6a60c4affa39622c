// nginx with deploy/nginx-paragraf.conf.template in front of one or more running app instances
// (round robin), on a free loopback port, in a throw-away directory: for the benchmarks
// (bench/public) and the two-instance test (e2e/instances.spec.ts). Null when nginx is not installed.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { findFreePort } from "./embedded-db.mjs";

const ROOT = path.resolve(import.meta.dirname, "../..");

const NGINX = ["/usr/sbin/nginx", "nginx"].find((bin) => spawnSync(bin, ["-v"]).status === 0);

/** The template's upstream block with one `server` line per app instance. */
export function upstreamServers(template: string, appBases: readonly string[]): string {
  const line = "    server ${PARAGRAF_UPSTREAM};";
  if (!template.includes(line))
    throw new Error("deploy/nginx-paragraf.conf.template: raden för uppströmsservern saknas.");
  return template.replace(line, appBases.map((b) => `    server ${new URL(b).host};`).join("\n"));
}

export async function startNginx(
  appBases: string | readonly string[],
): Promise<{ base: string; stop(): Promise<void> } | null> {
  if (!NGINX) return null;
  const dir = mkdtempSync(path.join(os.tmpdir(), "paragraf-nginx-"));
  mkdirSync(path.join(dir, "cache"));
  const port = await findFreePort();
  const site = upstreamServers(
    readFileSync(path.join(ROOT, "deploy/nginx-paragraf.conf.template"), "utf8"),
    typeof appBases === "string" ? [appBases] : appBases,
  )
    .replaceAll("${LISTEN}", `127.0.0.1:${port}`)
    .replaceAll("${CACHE_DIR}", path.join(dir, "cache"));
  writeFileSync(path.join(dir, "paragraf.conf"), site);
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, name)};`;
  writeFileSync(
    path.join(dir, "nginx.conf"),
    [
      // Root starts workers as "nobody" unless told otherwise; they must write the cache in dir.
      process.getuid?.() === 0 ? "user root;" : "",
      "worker_processes 1;",
      `pid ${path.join(dir, "nginx.pid")};`,
      `error_log ${path.join(dir, "error.log")} warn;`,
      "events { worker_connections 1024; }",
      "http {",
      "  access_log off;",
      `  ${temp("client_body")} ${temp("proxy")} ${temp("fastcgi")} ${temp("uwsgi")} ${temp("scgi")}`,
      `  include ${path.join(dir, "paragraf.conf")};`,
      "}",
    ].join("\n"),
  );
  const proc = spawn(NGINX, ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(`${base}/robots.txt`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    base,
    async stop() {
      proc.kill("SIGQUIT");
      await new Promise((r) => proc.once("exit", r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
