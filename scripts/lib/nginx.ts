// For benchmarks: nginx with deploy/nginx-paragraf.conf.template in front of a running app, on a
// free loopback port, in a throw-away directory. Null when nginx is not installed.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { findFreePort } from "../../scripts/lib/embedded-db.mjs";
import { ROOT } from "./app-server";

const NGINX = ["/usr/sbin/nginx", "nginx"].find((bin) => spawnSync(bin, ["-v"]).status === 0);

export async function startNginx(appBase: string): Promise<{ base: string; stop(): Promise<void> } | null> {
  if (!NGINX) return null;
  const dir = mkdtempSync(path.join(os.tmpdir(), "paragraf-nginx-"));
  mkdirSync(path.join(dir, "cache"));
  const port = await findFreePort();
  const site = readFileSync(path.join(ROOT, "deploy/nginx-paragraf.conf.template"), "utf8")
    .replaceAll("${PARAGRAF_UPSTREAM}", new URL(appBase).host)
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
