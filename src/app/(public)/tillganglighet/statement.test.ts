// The tillgänglighetsredogörelse carries every part Digg prescribes, with the organisation's own
// contact and dates where it has set them and a plain "not filled in" where it has not.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AccessibilityStatement, DIGG_COMPLAINT_URL, SERVICE_NAME, statementSettings } from "./statement";

function render(env: Record<string, string>, organisations = ["Itsam", "Vimmerby kommun"]) {
  const html = renderToStaticMarkup(
    createElement(AccessibilityStatement, { settings: statementSettings(env, organisations) }),
  );
  const field = (name: string) => {
    const m = new RegExp(`data-field="${name}"[^>]*>([\\s\\S]*?)</(?:p|dd|span|ul|div)>`).exec(html);
    return m ? m[1]!.replace(/<[^>]+>/g, "") : null;
  };
  const text = html.replace(/<!-- -->|<[^>]+>/g, "");
  return { html, field, text };
}

const FILLED = {
  ACCESSIBILITY_CONTACT_EMAIL: "tillganglighet@itsam.se",
  ACCESSIBILITY_CONTACT_PHONE: "0492-123 45",
  ACCESSIBILITY_ASSESSED_ON: "2026-11-30",
  ACCESSIBILITY_UPDATED_ON: "2026-12-04",
};

describe("the tillgänglighetsredogörelse", () => {
  it("has every part Digg prescribes", () => {
    const { html, field, text } = render(FILLED);
    // The public body and the service.
    expect(field("actor")).toBe("Itsam och Vimmerby kommun");
    expect(field("service")).toBe(SERVICE_NAME);
    // The compliance in the law's words.
    expect(field("compliance")).toMatch(/delvis förenlig med lagen om tillgänglighet till digital offentlig service/);
    // What is not accessible, and why: the PDFs (and how they were checked), the seal, uploads, scans.
    const shortcomings = field("shortcomings")!;
    expect(shortcomings).toMatch(/PDF\/UA-1/);
    expect(shortcomings).toMatch(/ingen PDF\/UA-validator/);
    expect(shortcomings).toMatch(/Bilagor/);
    expect(shortcomings).toMatch(/Inskannade/);
    // Exemptions: unreasonable burden (12 §) and content outside the law (9 §).
    expect(field("burden")).toMatch(/12 §/);
    expect(field("out-of-scope")).toMatch(/9 §/);
    // The evaluation method and the two dates.
    expect(field("method")).toMatch(/Självskattning/);
    expect(field("assessed-on")).toBe("30 november 2026");
    expect(field("updated-on")).toBe("4 december 2026");
    // How to report a shortcoming.
    expect(html).toContain('href="mailto:tillganglighet@itsam.se"');
    expect(text).toMatch(/Telefon: 0492-123 45/);
    // Digg's complaint form and the enforcement procedure.
    expect(html).toContain(`href="${DIGG_COMPLAINT_URL}"`);
    expect(DIGG_COMPLAINT_URL).toBe("https://www.digg.se/tdosanmalan");
    expect(field("enforcement")).toMatch(/Myndigheten för digital förvaltning \(Digg\) har ansvaret för tillsyn/);
    // Headings for each part, in order.
    const headings = [...html.matchAll(/<h[12][^>]*>(.*?)<\/h[12]>/g)].map((m) => m[1]);
    expect(headings).toEqual([
      "Tillgänglighetsredogörelse",
      "Hur tillgänglig är webbplatsen?",
      "Innehåll som inte är tillgängligt",
      "Oskäligt betungande anpassning",
      "Innehåll som inte omfattas av lagkraven",
      "Hur vi har testat webbplatsen",
      "Meddela brister och be om tillgängligt innehåll",
      "Tillsyn",
    ]);
  });

  it("says plainly what the organisation has not filled in, and ignores invalid settings", () => {
    const { html, field, text } = render(
      { ACCESSIBILITY_ASSESSED_ON: "igår", ACCESSIBILITY_CONTACT_EMAIL: "inte en adress" },
      [],
    );
    expect(field("actor")).toBe("Ej ifyllt av organisationen.");
    expect(field("assessed-on")).toBe("Ej ifyllt av organisationen.");
    expect(field("updated-on")).toBe("Ej ifyllt av organisationen.");
    expect(text).toMatch(/Kontaktuppgifter: Ej ifyllt av organisationen\./);
    expect(html).not.toContain("mailto:");
    // The complaint form is there whatever the settings.
    expect(html).toContain(`href="${DIGG_COMPLAINT_URL}"`);
  });

  it("states the compliance level the organisation sets: helt, delvis or inte förenlig", () => {
    expect(render({ ACCESSIBILITY_COMPLIANCE: "helt" }).field("compliance")).toMatch(/helt förenlig/);
    expect(render({ ACCESSIBILITY_COMPLIANCE: "inte" }).field("compliance")).toMatch(/inte förenlig/);
    expect(render({ ACCESSIBILITY_COMPLIANCE: "kanske" }).field("compliance")).toMatch(/delvis förenlig/);
  });
});
