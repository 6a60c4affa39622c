import { describe, expect, it } from "vitest";
import { itMaps } from "@/lib/testing/table";
import {
  bodySlugBase,
  DEFAULT_NOTICE_WORDING,
  firstNumberClash,
  noticeSettingsFor,
  reportsToCycle,
  suggestGenitive,
  uniqueBodySlug,
} from "./bodies.rules";

describe("bodySlugBase", () => {
  itMaps("%s → %s", bodySlugBase, [
    ["Direktionen", "direktionen"],
    ["Kommunstyrelsens arbetsutskott", "kommunstyrelsens-arbetsutskott"],
    ["Miljö- och byggnämnden", "miljo-och-byggnamnden"],
    ["Kommunfullmäktige", "kommunfullmaktige"],
    ["  Ålands Ö-råd  ", "alands-o-rad"],
    ["Æbleø Straße", "aebleo-strasse"],
    ["Café Société", "cafe-societe"],
    ["§§ !!", "organ"],
    ["Nämnd 2", "namnd-2"],
  ]);

  it("is at most 60 characters and never ends in a dash", () => {
    const slug = bodySlugBase(`${"a".repeat(59)} b c`);
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug.endsWith("-")).toBe(false);
  });
});

describe("uniqueBodySlug", () => {
  it("adds -2, -3 … when the slug is taken in the organisation", () => {
    expect(uniqueBodySlug("Nämnden", new Set())).toBe("namnden");
    expect(uniqueBodySlug("Nämnden", new Set(["namnden"]))).toBe("namnden-2");
    expect(uniqueBodySlug("Nämnden", new Set(["namnden", "namnden-2"]))).toBe("namnden-3");
  });
});

describe("suggestGenitive", () => {
  itMaps("%s → %s", suggestGenitive, [
    ["Direktionen", "Direktionens"],
    ["Kommunfullmäktige", "Kommunfullmäktiges"],
    ["Arbetsutskottet", "Arbetsutskottets"],
    ["Kommunstyrelsens arbetsutskott", "Kommunstyrelsens arbetsutskotts"],
    ["Socialnämnds", "Socialnämnds"],
    ["", ""],
  ]);
});

describe("reportsToCycle", () => {
  const parents = new Map<string, string | null>([
    ["ks", null],
    ["au", "ks"],
    ["pu", "au"],
    ["kf", null],
  ]);
  it("allows no parent, a new body, and a parent outside the body's own chain", () => {
    expect(reportsToCycle("au", null, parents)).toBe(false);
    expect(reportsToCycle(null, "ks", parents)).toBe(false);
    expect(reportsToCycle("ks", "kf", parents)).toBe(false);
    expect(reportsToCycle("pu", "ks", parents)).toBe(false);
  });
  it("refuses itself and any body that reports to it", () => {
    expect(reportsToCycle("ks", "ks", parents)).toBe(true);
    expect(reportsToCycle("ks", "au", parents)).toBe(true);
    expect(reportsToCycle("ks", "pu", parents)).toBe(true);
  });
  it("refuses to build on a cycle already stored", () => {
    const broken = new Map<string, string | null>([
      ["a", "b"],
      ["b", "a"],
    ]);
    expect(reportsToCycle("c", "a", broken)).toBe(true);
  });
});

describe("noticeSettingsFor", () => {
  const org = { name: "Itsam", storagePlace: null, noticeBoard: null, noticeWording: null, noticeCertifier: null };
  const none = { noticeStoragePlace: null, noticeBoard: null, noticeCertifier: null };
  it("falls back to the organisation's name and the default wording", () => {
    expect(noticeSettingsFor(org, none)).toEqual({
      storagePlace: "Itsam",
      noticeBoard: "",
      certifiedBy: "",
      wording: DEFAULT_NOTICE_WORDING,
    });
  });
  it("takes the organisation's settings, and the meeting's own choice over them", () => {
    const settings = {
      ...org,
      storagePlace: "Kommunkansliet",
      noticeBoard: "https://kommun.example/anslagstavla",
      noticeWording: "Justeringen av protokollet har tillkännagivits.",
      noticeCertifier: "Anna Berg, nämndsekreterare",
    };
    expect(noticeSettingsFor(settings, none)).toEqual({
      storagePlace: "Kommunkansliet",
      noticeBoard: "https://kommun.example/anslagstavla",
      certifiedBy: "Anna Berg, nämndsekreterare",
      wording: "Justeringen av protokollet har tillkännagivits.",
    });
    expect(
      noticeSettingsFor(settings, { noticeStoragePlace: "Arkivet", noticeBoard: " ", noticeCertifier: "Bo Ek" }),
    ).toMatchObject({
      storagePlace: "Arkivet",
      noticeBoard: "https://kommun.example/anslagstavla",
      certifiedBy: "Bo Ek",
    });
  });
});

describe("firstNumberClash", () => {
  it("finds the lowest number of the new range taken by another meeting", () => {
    expect(firstNumberClash(101, 5, [1, 2, 100])).toBeNull();
    expect(firstNumberClash(101, 5, [1, 104, 103])).toBe(103);
    expect(firstNumberClash(101, 0, [101])).toBe(101);
    expect(firstNumberClash(101, 0, [102])).toBeNull();
  });
});
