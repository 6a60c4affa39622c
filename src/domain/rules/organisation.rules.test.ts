import { describe, expect, it } from "vitest";
import { organisationSlugFrom, organisationSlugProblem, RESERVED_ORGANISATION_SLUGS } from "./organisation.rules";
import { readdirSync } from "node:fs";
import path from "node:path";

describe("an organisation's address", () => {
  it.each(["ydre", "vimmerby-kommun", "itsam", "k2"])("takes %s", (slug) => {
    expect(organisationSlugProblem(slug)).toBeNull();
  });

  it.each(["", "a", "Ydre", "ydre kommun", "-ydre", "ydre-", "ydre--kommun", "åtvidaberg", "x".repeat(41)])(
    "refuses %j with the rule",
    (slug) => {
      expect(organisationSlugProblem(slug)).toMatch(/^Adressen ska vara 2–40 tecken/);
    },
  );

  it("refuses every top-level address of the app, so no organisation can shadow one", () => {
    const app = path.resolve(import.meta.dirname, "../../app");
    const top = readdirSync(app, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() && e.name.startsWith("(")
        ? readdirSync(path.join(app, e.name), { withFileTypes: true })
            .filter((d) => d.isDirectory())
            .map((d) => d.name)
        : e.isDirectory()
          ? [e.name]
          : [],
    );
    const routes = top.filter((n) => !n.startsWith("[") && !n.startsWith("("));
    expect(routes.length).toBeGreaterThan(8);
    for (const name of routes) expect(RESERVED_ORGANISATION_SLUGS.has(name), name).toBe(true);
    expect(organisationSlugProblem("admin")).toBe("Adressen ”admin” används redan av Paragraf själv; välj en annan.");
  });

  it("suggests an address from the name", () => {
    expect(organisationSlugFrom("Ydre kommun")).toBe("ydre-kommun");
    expect(organisationSlugFrom("Åtvidabergs kommun")).toBe("atvidabergs-kommun");
    expect(organisationSlugFrom("  Kinda – Ödeshög  ")).toBe("kinda-odeshog");
  });
});
