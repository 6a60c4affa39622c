import { describe, expect, it } from "vitest";
import { itMaps } from "@/lib/testing/table";
import { itsamSeed } from "../../../../prisma/seed/itsam-direktionen-2021-11-18";
import type { ProtocolDTO } from "@/domain/protocol/protocol.types";
import { toPublicProtocol } from "@/domain/publication/public.rules";
import {
  membershipRole,
  oparlUrls,
  paperKey,
  presenceAt,
  toOParlAgendaItem,
  toOParlBody,
  toOParlFile,
  toOParlMeeting,
  toOParlMembership,
  toOParlPaper,
  toOParlPerson,
  type FileRecord,
  type MeetingMeta,
  type PaperRecord,
} from "./oparl";

/** The day the public copies are made on: before any names rule of the fixtures applies. */
const TODAY = "2026-12-05";

const u = oparlUrls("https://paragraf.example.se/");
const seed = itsamSeed.meetings[0]!;
const file: FileRecord = {
  id: "file1",
  size: 12345,
  sha256: "cd".repeat(32),
  fileName: "direktionen-2021-11-18-offentlig-kopia.pdf",
  createdAt: "2021-12-16T14:03:07.000Z",
  modified: "2021-12-20T09:00:00.000Z",
  meeting: { slug: seed.meeting.slug, date: seed.meeting.date, bodyName: "Direktionen" },
};
const meta: MeetingMeta = {
  organisationSlug: "itsam",
  bodyId: "body-direktionen",
  createdAt: "2021-11-01T08:00:00.000Z",
  modified: "2021-12-16T14:03:07.000Z",
  file,
};

/** The seed, justerat, with a jäv, a vote and one confidential § added. */
function adjusted(): ProtocolDTO {
  const p = structuredClone(seed);
  p.meeting.status = "ADJUSTED";
  p.meeting.adjustedOn = "2021-12-16";
  const signed = { signedAt: "2021-12-16T14:00:00.000Z", contentHash: "ab".repeat(32) };
  p.signatures = [
    { role: "SECRETARY", personId: "joakim-karlsson", name: "Joakim Karlsson", ...signed },
    { role: "CHAIR", personId: "jacob-kall", name: "Jacob Käll", ...signed },
    { role: "ADJUSTER", personId: "annicki-oscarsson", name: "Annicki Oscarsson", ...signed },
  ];
  const p64 = p.paragraphs.find((x) => x.number === 64)!;
  p64.recusals = [
    {
      personId: "elisabet-hagstrom",
      name: "Elisabet Hagström",
      reason: "Närstående, 850709-9805, berörs av beslutet.",
    },
  ];
  const p62 = p.paragraphs.find((x) => x.number === 62)!;
  p62.votes = [
    {
      question: "bifall till ordförandens förslag (ja) mot Joakim Magnussons yrkande (nej)",
      result: "Med 5 ja-röster mot 1 nej-röst beslutar direktionen enligt ordförandens förslag.",
      outcome: "JA",
      counts: null,
      ballots: [
        { personId: "jacob-kall", name: "Jacob Käll", choice: "JA" },
        { personId: "annicki-oscarsson", name: "Annicki Oscarsson", choice: "JA" },
        { personId: "joakim-magnusson", name: "Joakim Magnusson", choice: "NEJ" },
        { personId: "gunnar-malgeryd", name: "Gunnar Malgeryd", choice: "AVSTAR" },
      ],
    },
  ];
  p.paragraphs.find((x) => x.number === 61)!.isConfidential = true;
  return toPublicProtocol(p, TODAY);
}

describe("oparlUrls", () => {
  it("builds canonical absolute URLs under /api/oparl/v1, encoding path segments", () => {
    expect(u.system).toBe("https://paragraf.example.se/api/oparl/v1/system");
    expect(u.meeting("direktionen-2021-11-18")).toBe(
      "https://paragraf.example.se/api/oparl/v1/meeting/direktionen-2021-11-18",
    );
    expect(u.agendaItem("direktionen-2021-11-18", 59)).toBe(
      "https://paragraf.example.se/api/oparl/v1/meeting/direktionen-2021-11-18/agendaitem/59",
    );
    expect(u.bodyList("itsam", "membership")).toBe("https://paragraf.example.se/api/oparl/v1/body/itsam/membership");
    expect(u.person("a/b c")).toBe("https://paragraf.example.se/api/oparl/v1/person/a%2Fb%20c");
    expect(u.protocolPage("itsam", "direktionen-2021-11-18")).toBe(
      "https://paragraf.example.se/itsam/protokoll/direktionen-2021-11-18",
    );
    expect(u.noticeBoard("itsam")).toBe("https://paragraf.example.se/itsam/anslagstavla");
  });
});

describe("paperKey", () => {
  itMaps("%j → %j", paperKey, [
    ["ITSAM 2021/8", "itsam-2021-8"],
    ["ITSAM 2021/72", "itsam-2021-72"],
    ["KS 2021.123", "ks-2021-123"],
    ["Dnr ÅTV 2021/4", "dnr-atv-2021-4"],
    ["  BMN-2021:08 ", "bmn-2021-08"],
    ["///", ""],
  ]);
});

describe("presenceAt", () => {
  const p = adjusted();
  const at = (n: number) =>
    presenceAt(
      p.attendance,
      p.paragraphs.find((x) => x.number === n)!,
    ).map((a) => `${a.name}: ${a.role}`);

  it("follows the § ranges: ersättare §§ 59-62, then tjänstgörande ersättare §§ 62-67", () => {
    expect(at(59)).toContain("Christer Segerstéen: SUBSTITUTE");
    expect(at(59)).not.toContain("Christer Segerstéen: SERVING_SUBSTITUTE");
    expect(at(62)).toEqual(
      expect.arrayContaining(["Christer Segerstéen: SUBSTITUTE", "Christer Segerstéen: SERVING_SUBSTITUTE"]),
    );
    expect(at(63)).toContain("Christer Segerstéen: SERVING_SUBSTITUTE");
    expect(at(63)).not.toContain("Christer Segerstéen: SUBSTITUTE");
  });

  it("keeps officials to their §§ and the whole-meeting people everywhere", () => {
    expect(at(59)).toContain("Roger Karlsson: OTHER");
    expect(at(60)).not.toContain("Roger Karlsson: OTHER");
    expect(at(63)).toContain("Malin Vikström: OTHER");
    for (const n of [59, 63, 67]) expect(at(n)).toContain("Jacob Käll: CHAIR");
  });

  it("leaves out whoever left the § for jäv", () => {
    expect(at(63)).toContain("Elisabet Hagström: MEMBER");
    expect(at(64)).not.toContain("Elisabet Hagström: MEMBER");
  });
});

describe("toOParlMeeting", () => {
  it("refuses a meeting that is not public", () => {
    expect(() => toOParlMeeting(u, seed, meta)).toThrow(/Not public/);
  });

  const meeting = toOParlMeeting(u, adjusted(), meta);
  const items = meeting.agendaItem as Record<string, unknown>[];
  const item = (n: number) => items.find((i) => i.number === String(n))!;

  it("has the OParl core: id, type, name, times with offset, organ, file, web page", () => {
    expect(meeting).toMatchObject({
      id: "https://paragraf.example.se/api/oparl/v1/meeting/direktionen-2021-11-18",
      type: "https://schema.oparl.org/1.1/Meeting",
      name: "Direktionen 18 november 2021",
      meetingState: "justerat",
      cancelled: false,
      start: "2021-11-18T10:00:00+01:00",
      end: "2021-11-18T12:00:00+01:00",
      organization: ["https://paragraf.example.se/api/oparl/v1/organization/body-direktionen"],
      web: "https://paragraf.example.se/itsam/protokoll/direktionen-2021-11-18",
      modified: meta.modified,
    });
    expect(meeting.location).toEqual({
      id: `${meeting.id}#plats`,
      type: "https://schema.oparl.org/1.1/Location",
      description: "Zoom",
    });
    expect(meeting.resultsProtocol).toMatchObject({
      id: u.file("file1"),
      accessUrl: u.fileDownload("file1"),
      size: 12345,
    });
    expect(meeting.participant).toContain(u.person("henrik-remmerfelt"));
  });

  it("carries the notice dates, the content hash and the signatories as paragraf: extensions", () => {
    expect(meeting["paragraf:notice"]).toEqual({
      postedOn: "2021-12-17",
      takeDownOn: "2022-01-07",
      appealEndsOn: "2022-01-07",
      storagePlace: "Itsam",
    });
    expect(meeting["paragraf:contentHash"]).toBe("ab".repeat(32));
    expect(meeting["paragraf:signatories"]).toEqual([
      { person: u.person("joakim-karlsson"), name: "Joakim Karlsson", role: "sekreterare" },
      { person: u.person("jacob-kall"), name: "Jacob Käll", role: "ordförande" },
      { person: u.person("annicki-oscarsson"), name: "Annicki Oscarsson", role: "justerare" },
    ]);
  });

  it("embeds §§ 59-67 as AgendaItems in order", () => {
    expect(items.map((i) => [i.number, i.order])).toEqual(
      [59, 60, 61, 62, 63, 64, 65, 66, 67].map((n, i) => [String(n), i + 1]),
    );
    expect(item(59)).toMatchObject({
      id: u.agendaItem("direktionen-2021-11-18", 59),
      type: "https://schema.oparl.org/1.1/AgendaItem",
      name: seed.paragraphs[0]!.title,
      consultation: `${u.paper("itsam", "itsam-2021-8")}#direktionen-2021-11-18-59`,
      "paragraf:caseNumber": "ITSAM 2021/8",
      "paragraf:confidential": false,
    });
    expect(item(59)).not.toHaveProperty("meeting"); // embedded: no back reference
  });

  it("cuts a confidential § down to number and title", () => {
    expect(item(61)).toEqual({
      id: u.agendaItem("direktionen-2021-11-18", 61),
      type: "https://schema.oparl.org/1.1/AgendaItem",
      number: "61",
      order: 3,
      name: "Personal",
      "paragraf:confidential": true,
    });
  });

  it("gives presence, votes with tally and jäv (personnummer masked) per §", () => {
    expect(item(62)["paragraf:votes"]).toEqual([
      expect.objectContaining({
        outcome: "JA",
        tally: { ja: 2, nej: 1, avstar: 1 },
        ballots: expect.arrayContaining([
          { person: u.person("joakim-magnusson"), name: "Joakim Magnusson", choice: "NEJ" },
        ]),
      }),
    ]);
    expect(item(64)["paragraf:recusals"]).toEqual([
      {
        person: u.person("elisabet-hagstrom"),
        name: "Elisabet Hagström",
        reason: "Närstående, ÅÅMMDD-XXXX, berörs av beslutet.",
      },
    ]);
    expect(item(59)["paragraf:presence"]).toEqual(
      expect.arrayContaining([
        { person: u.person("jacob-kall"), name: "Jacob Käll", role: "ordförande", represents: "Vimmerby kommun" },
        {
          person: u.person("roger-karlsson"),
          name: "Roger Karlsson",
          role: "projektledare Google Workspace",
          represents: null,
        },
      ]),
    );
  });

  it("contains no e-mail address and no personnummer", () => {
    const json = JSON.stringify(meeting);
    expect(json).not.toMatch(/@/);
    expect(json).not.toMatch(/850709/);
  });
});

describe("toOParlAgendaItem", () => {
  it("has the back reference to its meeting when served on its own", () => {
    const p = adjusted();
    expect(toOParlAgendaItem(u, p, meta, p.paragraphs[0]!, 1)).toMatchObject({
      meeting: u.meeting(p.meeting.slug),
      order: 1,
    });
  });
});

describe("register data", () => {
  const membership = {
    id: "m1",
    personId: "jacob-kall",
    bodyId: "body-direktionen",
    role: "MEMBER" as const,
    position: "CHAIR" as const,
    represents: "Vimmerby kommun",
    termStart: "2019-01-01",
    termEnd: "2022-12-31",
    hasVotingRight: true,
  };

  it.each([
    [{ role: "MEMBER", position: null }, "ledamot"],
    [{ role: "SUBSTITUTE", position: null }, "ersättare"],
    [{ role: "MEMBER", position: "CHAIR" }, "ordförande"],
    [{ role: "MEMBER", position: "VICE_CHAIR" }, "vice ordförande"],
  ] as const)("membership role %j → %s", (m, label) => {
    expect(membershipRole(m)).toBe(label);
  });

  it("maps a person to name and seats only", () => {
    const person = toOParlPerson(u, {
      id: "jacob-kall",
      organisationSlug: "itsam",
      name: "Jacob Käll",
      createdAt: "2021-01-01T00:00:00.000Z",
      updatedAt: "2021-02-01T00:00:00.000Z",
      memberships: [membership],
    });
    expect(Object.keys(person).sort()).toEqual(["body", "created", "id", "membership", "modified", "name", "type"]);
    expect(person.membership).toEqual([
      {
        id: u.membership("m1"),
        type: "https://schema.oparl.org/1.1/Membership",
        organization: u.organization("body-direktionen"),
        role: "ordförande",
        votingRight: true,
        startDate: "2019-01-01",
        endDate: "2022-12-31",
        "paragraf:represents": "Vimmerby kommun",
        "paragraf:seat": "ledamot",
      },
    ]);
    expect(toOParlMembership(u, membership)).toHaveProperty("person", u.person("jacob-kall"));
  });

  it("maps an organisation to an OParl Body with its lists", () => {
    const body = toOParlBody(u, {
      slug: "itsam",
      name: "Itsam",
      kind: "KOMMUNALFORBUND",
      createdAt: "x",
      updatedAt: "y",
    });
    expect(body).toMatchObject({
      id: u.body("itsam"),
      type: "https://schema.oparl.org/1.1/Body",
      classification: "Kommunalförbund",
      organization: `${u.body("itsam")}/organization`,
      person: `${u.body("itsam")}/person`,
      meeting: `${u.body("itsam")}/meeting`,
      paper: `${u.body("itsam")}/paper`,
      membership: `${u.body("itsam")}/membership`,
      legislativeTerm: [],
      web: "https://paragraf.example.se/itsam/anslagstavla",
    });
  });

  it("maps the public PDF to a File: every field from the record of what the public gets", () => {
    expect(toOParlFile(u, file)).toEqual({
      id: u.file("file1"),
      type: "https://schema.oparl.org/1.1/File",
      name: "Protokoll Direktionen 18 november 2021",
      fileName: "direktionen-2021-11-18-offentlig-kopia.pdf",
      mimeType: "application/pdf",
      date: "2021-12-16",
      size: 12345,
      accessUrl: u.fileDownload("file1"),
      downloadUrl: u.fileDownload("file1"),
      meeting: [u.meeting("direktionen-2021-11-18")],
      "paragraf:kind": "protokoll",
      "paragraf:sha256Checksum": "cd".repeat(32),
      created: "2021-12-16T14:03:07.000Z",
      modified: "2021-12-20T09:00:00.000Z",
    });
  });

  it("maps a case number to a Paper with one Consultation per §", () => {
    const paper: PaperRecord = {
      organisationSlug: "itsam",
      key: "itsam-2021-8",
      caseNumber: "ITSAM 2021/8",
      consultations: [
        {
          meetingSlug: "direktionen-2021-09-30",
          meetingDate: "2021-09-30",
          bodyId: "b",
          number: 40,
          title: "Första",
          meetingCreatedAt: "2021-09-01T00:00:00.000Z",
          meetingModified: "2021-10-10T00:00:00.000Z",
        },
        {
          meetingSlug: "direktionen-2021-11-18",
          meetingDate: "2021-11-18",
          bodyId: "b",
          number: 59,
          title: "Andra",
          meetingCreatedAt: "2021-11-01T00:00:00.000Z",
          meetingModified: "2021-12-16T00:00:00.000Z",
        },
      ],
    };
    expect(toOParlPaper(u, paper)).toMatchObject({
      id: u.paper("itsam", "itsam-2021-8"),
      reference: "ITSAM 2021/8",
      name: "Andra",
      date: "2021-09-30",
      created: "2021-09-01T00:00:00.000Z",
      modified: "2021-12-16T00:00:00.000Z",
      consultation: [
        expect.objectContaining({
          agendaItem: u.agendaItem("direktionen-2021-09-30", 40),
          meeting: u.meeting("direktionen-2021-09-30"),
        }),
        expect.objectContaining({ agendaItem: u.agendaItem("direktionen-2021-11-18", 59), authoritative: true }),
      ],
    });
  });
});
