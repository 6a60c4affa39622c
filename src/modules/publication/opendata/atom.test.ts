import { describe, expect, it } from "vitest";
import { itMaps } from "@/lib/testing/table";
import { buildAtomFeed, buildNoticeFeed, escapeXml, noticeEntry, type AtomFeed } from "./atom";
import type { FeedNotice } from "./opendata.queries";

const BASE = "https://paragraf.example.se";

const notice: FeedNotice = {
  slug: "direktionen-2021-11-18",
  organisationName: "Itsam",
  bodyName: "Direktionen",
  meetingDate: "2021-11-18",
  adjustedOn: "2021-12-16",
  postedOn: "2021-12-17",
  takeDownOn: "2022-01-07",
  storagePlace: "Itsams kansli, Vimmerby",
  updatedAt: "2021-12-16T14:03:07.000Z",
};
const itsam = { slug: "itsam", name: "Itsam" };

describe("escapeXml", () => {
  itMaps("%j → %j", escapeXml, [
    ["Direktionen", "Direktionen"],
    ["Bygg- & miljönämnden", "Bygg- &amp; miljönämnden"],
    ["<script>alert('x')</script>", "&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;"],
    ['Förvaring: "Arkivet"', "Förvaring: &quot;Arkivet&quot;"],
    ["&amp;", "&amp;amp;"],
    ["Åtvidaberg, Ödeshög, Kinda – §§ 59–67", "Åtvidaberg, Ödeshög, Kinda – §§ 59–67"],
    ["tab\tok\nnewline ok", "tab\tok\nnewline ok"],
    ["bell\u0007 and nul\u0000 removed", "bell and nul removed"],
    ["lone \uD800 surrogate", "lone  surrogate"],
    ["emoji 📄 kept", "emoji 📄 kept"],
    ["\uFFFE\uFFFF", ""],
  ]);
});

describe("noticeEntry", () => {
  it("names the organ and the meeting date, links the organisation's public protocol and gives the dates", () => {
    const entry = noticeEntry(notice, BASE, "itsam");
    expect(entry.title).toBe("Anslag: Direktionen 18 november 2021");
    // The id the entry has always had (ids never change); the link is the organisation's page.
    expect(entry.id).toBe(`${BASE}/protokoll/direktionen-2021-11-18`);
    expect(entry.link).toBe(`${BASE}/itsam/protokoll/direktionen-2021-11-18`);
    expect(entry.updated).toBe("2021-12-16T14:03:07.000Z");
    expect(entry.published).toBe("2021-12-17T00:00:00+01:00");
    expect(entry.summary.split("\n")).toEqual([
      "Protokoll från Itsam, Direktionen, sammanträde 18 november 2021.",
      "Justerat: 2021-12-16.",
      "Anslaget: 2021-12-17.",
      "Tas ned: 2022-01-07.",
      "Sista dag att överklaga (laglighetsprövning, 13 kap. 5 § kommunallagen): 2022-01-07.",
      "Förvaringsplats för protokollet: Itsams kansli, Vimmerby.",
    ]);
  });
});

describe("buildAtomFeed", () => {
  const feed = (entries: AtomFeed["entries"]): AtomFeed => ({
    id: `${BASE}/api/feeds/anslag.atom`,
    title: "Anslagstavla",
    selfUrl: `${BASE}/api/feeds/anslag.atom`,
    authorName: "Paragraf",
    lang: "sv",
    entries,
    emptyUpdated: "2022-01-01T00:00:00.000Z",
  });

  it("has the elements RFC 4287 requires of a feed and an entry", () => {
    const xml = buildNoticeFeed(itsam, [notice], BASE, new Date("2022-01-01T00:00:00Z"));
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">',
      ),
    ).toBe(true);
    for (const required of [
      "<id>",
      '<title type="text">',
      "<updated>",
      "<author><name>Itsam</name></author>",
      'rel="self"',
    ]) {
      expect(xml).toContain(required);
    }
    // The organisation's own feed, mirroring its own anslagstavla.
    expect(xml).toContain(`<id>${BASE}/api/feeds/itsam/anslag.atom</id>`);
    expect(xml).toContain(`<link rel="self" href="${BASE}/api/feeds/itsam/anslag.atom" type="application/atom+xml"/>`);
    expect(xml).toContain(`<link rel="alternate" href="${BASE}/itsam/anslagstavla" type="text/html"/>`);
    const entry = xml.slice(xml.indexOf("<entry>"), xml.indexOf("</entry>"));
    for (const required of ["<id>", "<title", "<updated>", 'rel="alternate"', "<summary"])
      expect(entry).toContain(required);
    expect(xml.trimEnd().endsWith("</feed>")).toBe(true);
  });

  it("takes the feed's updated from the latest entry, or the fallback when empty", () => {
    const entry = (updated: string) => ({ id: `urn:x:${updated}`, title: "t", updated, link: BASE, summary: "s" });
    const updatedOf = (xml: string) => /<feed[^]*?<updated>([^<]+)<\/updated>/.exec(xml)?.[1];
    expect(
      updatedOf(buildAtomFeed(feed([entry("2021-12-16T14:03:07.000Z"), entry("2022-01-03T08:00:00+01:00")]))),
    ).toBe("2022-01-03T08:00:00+01:00");
    expect(updatedOf(buildAtomFeed(feed([])))).toBe("2022-01-01T00:00:00.000Z");
  });

  it("escapes text and attributes from the data", () => {
    const xml = buildAtomFeed(
      feed([
        {
          id: `${BASE}/protokoll/a?b=1&c=2`,
          title: "Anslag: Bygg- & miljönämnden <extra>",
          updated: "2021-12-16T14:03:07.000Z",
          link: `${BASE}/protokoll/a?b=1&c="2"`,
          summary: 'Förvaringsplats: "Arkivet" & kansliet',
          categories: [{ term: "Bygg & miljö", label: "A 'label'" }],
        },
      ]),
    );
    expect(xml).toContain(`<id>${BASE}/protokoll/a?b=1&amp;c=2</id>`);
    expect(xml).toContain('<title type="text">Anslag: Bygg- &amp; miljönämnden &lt;extra&gt;</title>');
    expect(xml).toContain(`href="${BASE}/protokoll/a?b=1&amp;c=&quot;2&quot;"`);
    expect(xml).toContain('<category term="Bygg &amp; miljö" label="A &apos;label&apos;"/>');
    expect(xml).toContain('<summary type="text">Förvaringsplats: &quot;Arkivet&quot; &amp; kansliet</summary>');
    // No raw & that is not an entity reference.
    expect(xml).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
  });
});
