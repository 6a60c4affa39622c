// The schema files every package carries (src/modules/earkiv/schemas, with LICENCES.md), read once.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { REPRESENTATION_SCHEMA, ROOT_SCHEMAS } from "./package";

let cached: Record<string, Uint8Array> | null = null;

/** The folder with the XSDs and the JSON Schema (beside this file, or in the source tree when bundled). */
export function schemaDir(): string {
  const dirs: string[] = [];
  try {
    dirs.push(path.join(path.dirname(fileURLToPath(import.meta.url)), "schemas"));
  } catch {
    // Bundled without file URLs: use the source tree.
  }
  dirs.push(path.join(process.cwd(), "src", "modules", "earkiv", "schemas"));
  const found = dirs.find((d) => existsSync(path.join(d, "mets.xsd")));
  if (!found) throw new Error("E-arkivets scheman saknas i src/modules/earkiv/schemas.");
  return found;
}

export function loadSchemas(): Record<string, Uint8Array> {
  if (cached) return cached;
  const dir = schemaDir();
  cached = Object.fromEntries(
    [...ROOT_SCHEMAS, REPRESENTATION_SCHEMA].map((name) => [name, new Uint8Array(readFileSync(path.join(dir, name)))]),
  );
  return cached;
}
