// What code that runs in the browser brings with it. Every "use client" component's imports are
// followed (type-only imports are erased by the compiler; a "use server" file is sent as a
// reference, not as code): none may reach zod. Validation is the server's; zod in the browser's
// bundle cost the editor of a 60-§ protocol about 100 ms of script before it could take a key
// (issue 16, bench/editor). Choices that a form lists and a schema enforces live in *.constants.ts.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(__dirname);
const EXTENSIONS = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** A module specifier as a file of src, or the package's name. */
function resolve(from: string, spec: string): { file: string } | { pkg: string } {
  const base = spec.startsWith("@/")
    ? path.join(SRC, spec.slice(2))
    : spec.startsWith(".")
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (base === null) return { pkg: spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]! };
  for (const ext of EXTENSIONS) {
    const file = base + ext;
    try {
      if (statSync(file).isFile()) return { file };
    } catch {
      // the next extension
    }
  }
  throw new Error(`${path.relative(SRC, from)}: cannot resolve "${spec}"`);
}

function directive(source: ts.SourceFile): string | null {
  const first = source.statements[0];
  return first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression)
    ? first.expression.text
    : null;
}

/** The modules a file loads at run time: imports and re-exports that are not type-only, and import(). */
function runtimeImports(file: string): { source: ts.SourceFile; specs: string[] } {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const specs: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const onlyTypes =
        clause?.isTypeOnly ||
        (clause && !clause.name && named && ts.isNamedImports(named) && named.elements.every((e) => e.isTypeOnly));
      if (!onlyTypes) specs.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.isTypeOnly) specs.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      specs.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { source, specs };
}

/** For each package the browser code of `entry` loads: the chain of files that loads it. */
function packagesReached(entry: string): Map<string, string[]> {
  const reached = new Map<string, string[]>();
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const { source, specs } = runtimeImports(file);
    if (chain.length > 0 && directive(source) === "use server") return;
    const here = [...chain, path.relative(SRC, file)];
    for (const spec of specs) {
      const target = resolve(file, spec);
      if ("pkg" in target) {
        if (!reached.has(target.pkg)) reached.set(target.pkg, here);
      } else walk(target.file, here);
    }
  };
  walk(entry, []);
  return reached;
}

const clientComponents = sourceFiles(SRC).filter(
  (f) => directive(ts.createSourceFile(f, readFileSync(f, "utf8"), ts.ScriptTarget.Latest, true)) === "use client",
);

describe("code that runs in the browser", () => {
  it("finds the client components (the editor among them)", () => {
    const names = clientComponents.map((f) => path.relative(SRC, f));
    expect(names).toContain(path.join("modules", "drafting", "components", "protocol-editor.tsx"));
    expect(names.length).toBeGreaterThan(30);
  });

  it("follows imports through the files a component loads, but not type-only ones", () => {
    const editor = path.join(SRC, "modules", "drafting", "components", "protocol-editor.tsx");
    const reached = packagesReached(editor);
    // Loaded through the rich-text editor (import() of its live part) and by the editor itself.
    expect([...reached.keys()]).toEqual(expect.arrayContaining(["react", "@tiptap/react", "next"]));
    // paragraph.schema.ts (zod) is imported by the editor's files for its types only.
    expect(readFileSync(path.join(SRC, "modules", "drafting", "editor", "editor-store.ts"), "utf8")).toContain(
      'import type { ParagraphContentInput } from "@/modules/drafting/paragraph.schema"',
    );
  });

  it("never brings zod with it", () => {
    const offenders = clientComponents.flatMap((f) => {
      const chain = packagesReached(f).get("zod");
      return chain ? [`${chain.join(" → ")} → zod`] : [];
    });
    expect(offenders).toEqual([]);
  });
});
