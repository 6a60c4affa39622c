import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  agendaFateTerms,
  attendanceRoleTerms,
  ballotChoiceTerms,
  bodyKindLabel,
  bodyPositionTerms,
  bodyRoleKindTerms,
  meetingStatusLabel,
  membershipRoleTerms,
  motionKindLabel,
  organisationKindLabel,
  sectionKindHeading,
  signatureRoleTerms,
  voteOutcomeLabel,
  type RoleTerm,
  type Term,
} from "./vocabulary";

const ROOT = path.resolve(import.meta.dirname, "../..");
const schema = readFileSync(path.join(ROOT, "prisma/schema.prisma"), "utf8");
const seedText = readFileSync(path.join(ROOT, "tests/fixtures/seed/itsam-direktionen-2021-11-18.txt"), "utf8");

/** The values of `enum <name> { … }` in prisma/schema.prisma, in order. */
function prismaEnum(name: string): string[] {
  const body = new RegExp(`^enum ${name} \\{([^}]*)\\}`, "m").exec(schema)?.[1];
  if (body === undefined) throw new Error(`enum ${name} is not in prisma/schema.prisma`);
  return body
    .split("\n")
    .map((line) => line.replace(/\/\/.*$/, "").trim())
    .filter((line) => line !== "");
}

const tables: [enumName: string, table: Record<string, string | Term>][] = [
  ["AttendanceRole", attendanceRoleTerms],
  ["SignatureRole", signatureRoleTerms],
  ["MembershipRole", membershipRoleTerms],
  ["BodyPosition", bodyPositionTerms],
  ["BodyRoleKind", bodyRoleKindTerms],
  ["MeetingStatus", meetingStatusLabel],
  ["MotionKind", motionKindLabel],
  ["BallotChoice", ballotChoiceTerms],
  ["VoteOutcome", voteOutcomeLabel],
  ["SectionKind", sectionKindHeading],
  ["BodyKind", bodyKindLabel],
  ["OrganisationKind", organisationKindLabel],
  ["AgendaFate", agendaFateTerms],
];

const forms = (entry: string | Term): string[] => (typeof entry === "string" ? [entry] : Object.values(entry));

describe("the vocabulary", () => {
  it.each(tables)("has words for exactly the values of the database enum %s", (enumName, table) => {
    expect(Object.keys(table)).toEqual(prismaEnum(enumName));
  });

  it.each(tables)("has no empty or padded word in %s", (_, table) => {
    for (const text of Object.values(table).flatMap(forms)) {
      expect(text.trim()).toBe(text);
      expect(text).not.toBe("");
    }
  });

  it("writes each label as its word with a capital letter", () => {
    const terms = tables.flatMap(([, table]) => Object.values(table)).filter((e): e is Term => typeof e !== "string");
    expect(terms.length).toBeGreaterThan(0);
    for (const { word, label } of terms) expect(label).toBe(word.charAt(0).toUpperCase() + word.slice(1));
  });

  it("writes one noun the same way in every enum that names it", () => {
    const roleTables: Record<string, RoleTerm>[] = [
      attendanceRoleTerms,
      signatureRoleTerms,
      membershipRoleTerms,
      bodyPositionTerms,
      bodyRoleKindTerms,
    ];
    const byKey = new Map<string, RoleTerm[]>();
    for (const [key, term] of roleTables.flatMap((t) => Object.entries(t))) {
      byKey.set(key, [...(byKey.get(key) ?? []), term]);
    }
    // CHAIR in 3 tables, MEMBER in 3, SECRETARY, VICE_CHAIR and SUBSTITUTE in 2 each.
    expect([...byKey].filter(([, terms]) => terms.length > 1).map(([key, terms]) => [key, terms.length])).toEqual([
      ["CHAIR", 3],
      ["VICE_CHAIR", 2],
      ["MEMBER", 3],
      ["SUBSTITUTE", 2],
      ["SECRETARY", 2],
    ]);
    for (const terms of byKey.values()) for (const term of terms) expect(term).toEqual(terms[0]);
  });
});

describe("the vocabulary against the seed protocol (Itsam's direktion, 2021-11-18)", () => {
  const { CHAIR, MEMBER, SERVING_SUBSTITUTE, SUBSTITUTE, OTHER } = attendanceRoleTerms;

  it("names the attendance groups and roles as the protocol's header does", () => {
    expect(seedText).toContain(`Beslutande\t${MEMBER.plural} Jacob Käll, ${CHAIR.word}, Vimmerby kommun`);
    expect(seedText).toContain(`Joakim Magnusson, ${SERVING_SUBSTITUTE.word}, Åtvidabergs kommun`);
    const segersteen = `${SUBSTITUTE.word}, Kinda kommun §§ 59-62, ${SERVING_SUBSTITUTE.word} §§ 62-67`;
    expect(seedText).toContain(`\t${SUBSTITUTE.plural} Christer Segerstéen, ${segersteen}`);
    expect(seedText).toContain(`${OTHER.plural}\tHenrik Remmerfelt`);
  });

  it("names the signers as the signature block does", () => {
    expect(seedText).toContain(`${signatureRoleTerms.ADJUSTER.plural}\tAnnicki Oscarsson`);
    expect(seedText).toContain(`\t${signatureRoleTerms.SECRETARY.label}\tJoakim Karlsson\tParagrafer 59-67`);
    expect(seedText).toContain(`\t${signatureRoleTerms.CHAIR.label}\tJacob Käll`);
    expect(seedText).toContain(`\t${signatureRoleTerms.ADJUSTER.label}\tAnnicki Oscarsson`);
  });

  it("heads a § section as the protocol does", () => {
    expect(seedText).toContain(`\n${sectionKindHeading.SUMMARY}\n`);
    expect(seedText).toContain(`${CHAIR.label} Jacob Käll ställer proposition`);
  });
});
