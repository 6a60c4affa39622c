import type { SummonsDTO } from "./summons.types";

/** A direktion's kallelse with a public ärende, a confidential one and a confidential handling. */
export function summonsFixture(): SummonsDTO {
  return {
    organisation: { name: "IT-kommunalförbundet Itsam", caseNumberPrefix: "ITSAM" },
    body: { name: "Direktionen", kind: "DIREKTION", summonsLeadDays: 7 },
    meeting: {
      id: "m1",
      slug: "direktionen-2021-11-18",
      date: "2021-11-18",
      startTime: "10:00",
      endTime: "12:00",
      place: "Itsams kontor, Kaserngatan 2, Vimmerby",
      summonsSentAt: "2021-11-08T09:00:00.000Z",
      agendaVersion: 3,
    },
    items: [
      {
        id: "i1",
        number: 1,
        title: "Budget 2022 med plan för 2023–2024",
        caseNumber: "ITSAM 2021/12",
        responsible: "Ann Svensson, förbundsdirektör",
        proposalIntro: "Direktionen föreslås besluta",
        proposalClauses: ["att fastställa budget 2022", "att lägga planen för 2023–2024 till handlingarna"],
        isConfidential: false,
        documents: [
          {
            id: "d1",
            title: "Tjänsteskrivelse budget 2022",
            fileName: "ts.pdf",
            mimeType: "application/pdf",
            isConfidential: false,
          },
          {
            id: "d2",
            title: "Budgetunderlag",
            fileName: "underlag.docx",
            mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            isConfidential: false,
          },
          {
            id: "d3",
            title: "Lönebilaga per person",
            fileName: "loner.pdf",
            mimeType: "application/pdf",
            isConfidential: true,
          },
        ],
      },
      {
        id: "i2",
        number: 2,
        title: "Rekrytering av strategichef Kalle Hemlig",
        caseNumber: "ITSAM 2021/44",
        responsible: "Personalchef Hemlig",
        proposalIntro: "Direktionen föreslås besluta om anställning",
        proposalClauses: ["att anställa Kalle Hemlig"],
        isConfidential: true,
        documents: [
          {
            id: "d4",
            title: "Referenser Kalle Hemlig",
            fileName: "ref.pdf",
            mimeType: "application/pdf",
            isConfidential: false,
          },
        ],
      },
      {
        id: "i3",
        number: 3,
        title: "Informationsärenden",
        caseNumber: null,
        responsible: null,
        proposalIntro: "",
        proposalClauses: [],
        isConfidential: false,
        documents: [],
      },
    ],
  };
}
