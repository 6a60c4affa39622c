import { describe, expect, it } from "vitest";
import {
  buildAdjustedMail,
  buildAdjustmentRequestMail,
  buildReturnedMail,
  mailAddresses,
  type BuiltMail,
} from "./signoff.mail";

const meeting = { baseUrl: "https://paragraf.itsam.example/", bodyName: "Direktionen", meetingDate: "2021-11-18" };
const secretary = { name: "Joakim Karlsson", email: "Sekreterare@Itsam.example" };
const chair = { name: "Jacob Käll", email: "ordforande@itsam.example" };
const adjuster = { name: "Annicki Oscarsson", email: "justerare@itsam.example" };

interface Case {
  name: string;
  mail: BuiltMail;
  to: string[];
  subject: string;
  contains: string[];
  lacks?: string[];
}

const cases: Case[] = [
  {
    name: "justering request to chair and justerare",
    mail: buildAdjustmentRequestMail({
      ...meeting,
      recipients: [chair, adjuster],
      deadline: "2021-12-02",
      secretaryName: "Joakim Karlsson",
    }),
    to: ["ordforande@itsam.example", "justerare@itsam.example"],
    subject: "Protokoll att justera: Direktionen 18 november 2021",
    contains: [
      "Hej,\n",
      "Organ: Direktionen\nSammanträde: 18 november 2021\nJustera senast: torsdag 2 december 2021",
      "Läs och signera protokollet: https://paragraf.itsam.example/att-justera\n",
      "skicka tillbaka protokollet till sekreteraren med en kommentar",
      "Sekreterare: Joakim Karlsson",
    ],
  },
  {
    name: "justering request: chair who is also justerare gets one copy; people without e-mail are skipped",
    mail: buildAdjustmentRequestMail({
      ...meeting,
      baseUrl: "http://localhost:3000",
      recipients: [chair, { ...chair, email: " ORDFORANDE@itsam.example " }, { name: "Utan Adress", email: null }],
      deadline: "2021-12-01",
    }),
    to: ["ordforande@itsam.example"],
    subject: "Protokoll att justera: Direktionen 18 november 2021",
    contains: ["Justera senast: onsdag 1 december 2021", "http://localhost:3000/att-justera"],
    lacks: ["Sekreterare:", "Utan Adress"],
  },
  {
    name: "justering request to a single justerare greets by name",
    mail: buildAdjustmentRequestMail({
      ...meeting,
      bodyName: "Kommunchefsberedningen",
      recipients: [adjuster],
      deadline: "2021-12-02",
    }),
    to: ["justerare@itsam.example"],
    subject: "Protokoll att justera: Kommunchefsberedningen 18 november 2021",
    contains: ["Hej Annicki Oscarsson,\n", "Organ: Kommunchefsberedningen"],
  },
  {
    name: "returned with a comment, to the secretary",
    mail: buildReturnedMail({
      ...meeting,
      slug: "direktionen-2021-11-18",
      secretary,
      returnedBy: "Annicki Oscarsson",
      comment: "§ 62: beloppet för Supportintäkter ska vara 19 263.\r\n\r\nI övrigt ser det bra ut.",
    }),
    to: ["sekreterare@itsam.example"],
    subject: "Protokollet har skickats tillbaka: Direktionen 18 november 2021",
    contains: [
      "Hej Joakim Karlsson,\n",
      "Annicki Oscarsson har skickat tillbaka protokollet till dig med en kommentar.",
      "Kommentar:\n> § 62: beloppet för Supportintäkter ska vara 19 263.\n>\n> I övrigt ser det bra ut.\n",
      "https://paragraf.itsam.example/moten/direktionen-2021-11-18/redigera",
    ],
    lacks: ["\r"],
  },
  {
    name: "returned with an empty comment",
    mail: buildReturnedMail({
      ...meeting,
      slug: "direktionen-2021-11-18",
      secretary,
      returnedBy: "Jacob Käll",
      comment: "  ",
    }),
    to: ["sekreterare@itsam.example"],
    subject: "Protokollet har skickats tillbaka: Direktionen 18 november 2021",
    contains: ["Jacob Käll har skickat tillbaka", "Kommentar:\n(ingen kommentar)"],
  },
  {
    name: "fully signed, to the secretary",
    mail: buildAdjustedMail({ ...meeting, slug: "direktionen-2021-11-18", secretary, adjustedOn: "2021-12-15" }),
    to: ["sekreterare@itsam.example"],
    subject: "Protokollet är justerat: Direktionen 18 november 2021",
    contains: [
      "Alla har signerat protokollet.",
      "Justerat: 15 december 2021",
      "Protokollet: https://paragraf.itsam.example/moten/direktionen-2021-11-18\n",
      "anslagstavlan senast två dagar efter justeringen",
    ],
    lacks: ["/redigera"],
  },
  {
    name: "fully signed, secretary without e-mail: nobody to send to",
    mail: buildAdjustedMail({
      ...meeting,
      slug: "direktionen-2021-11-18",
      secretary: { name: "Joakim Karlsson", email: null },
    }),
    to: [],
    subject: "Protokollet är justerat: Direktionen 18 november 2021",
    contains: ["Hej Joakim Karlsson,"],
    lacks: ["Justerat:"],
  },
];

describe("signoff mails", () => {
  it.each(cases)("$name", ({ mail, to, subject, contains, lacks = [] }) => {
    expect(mail.to).toEqual(to);
    expect(mail.subject).toBe(subject);
    for (const part of contains) expect(mail.text).toContain(part);
    for (const part of lacks) expect(mail.text).not.toContain(part);
    expect(mail.text).toMatch(/Det här meddelandet skickades automatiskt av Paragraf/);
    expect(mail.subject).not.toMatch(/\n/);
  });

  it("encodes an odd slug in the link", () => {
    const mail = buildAdjustedMail({ ...meeting, slug: "organ å/ä", secretary });
    expect(mail.text).toContain("https://paragraf.itsam.example/moten/organ%20%C3%A5%2F%C3%A4");
  });
});

describe("mailAddresses", () => {
  it.each([
    { people: [], expected: [] },
    {
      people: [
        { name: "A", email: "" },
        { name: "B", email: null },
      ],
      expected: [],
    },
    {
      people: [
        { name: "A", email: "a@x.se" },
        { name: "B", email: "A@X.se" },
        { name: "C", email: "c@x.se" },
      ],
      expected: ["a@x.se", "c@x.se"],
    },
  ])("$expected", ({ people, expected }) => {
    expect(mailAddresses(people)).toEqual(expected);
  });
});
