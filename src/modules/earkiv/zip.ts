// Zip files for the packages, with JSZip (already a dependency: docx import reads with it). Every
// entry has the package's own date and the entries go in path order, so the same package gives
// the same zip bytes. PDFs are stored as they are (already compressed); XML and JSON deflated.
import JSZip from "jszip";
import type { EarkivPackage } from "./package";

const zipDate = (iso: string) => {
  // A bare date ("2021-12-01") or an instant; zip keeps 2-second precision.
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? new Date(Date.UTC(1980, 0, 1)) : d;
};

/** Adds a package under its OBJID folder (or `prefix`). */
export function addPackage(zip: JSZip, pkg: EarkivPackage, prefix = `${pkg.objid}/`): void {
  const date = zipDate(pkg.createdAt);
  for (const f of pkg.files) {
    const stored = /\.pdf$/i.test(f.path);
    zip.file(prefix + f.path, f.bytes, {
      date,
      binary: true,
      createFolders: false,
      compression: stored ? "STORE" : "DEFLATE",
    });
  }
}

export function newZip(): JSZip {
  return new JSZip();
}

export async function zipBytes(zip: JSZip): Promise<Uint8Array> {
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/** The zip as a web stream, generated as it is read (for a route handler). */
export function zipStream(zip: JSZip): ReadableStream<Uint8Array> {
  const node = zip.generateNodeStream({ streamFiles: true, compression: "DEFLATE", compressionOptions: { level: 6 } });
  return new ReadableStream<Uint8Array>({
    start(controller) {
      node.on("data", (chunk: Buffer) => controller.enqueue(new Uint8Array(chunk)));
      node.on("end", () => controller.close());
      node.on("error", (e: Error) => controller.error(e));
    },
    cancel() {
      (node as unknown as { pause?: () => void }).pause?.();
    },
  });
}
