// Demo data and reference fixture: the Itsam direktion meeting of 2021-11-18, §§ 59–67, entered by
// hand from tests/fixtures/seed/itsam-direktionen-2021-11-18.txt (the protocol's PDF as text).
// The wording is verbatim, including the original's own mistakes ("noterna", "Itsam kommer
// önskar", § 67's template leftovers, the overlapping §§ 62 ranges of Forsberg and Segerstéen):
// the legal checker is tested against them, so do not correct them here.
import type {
  AttendanceDTO,
  BlockNode,
  BulletListNode,
  InlineNode,
  ListItemNode,
  Mark,
  ParagraphDTO,
  ParagraphNode,
  PersonRef,
  RichDoc,
  TableCellNode,
  TableRowNode,
} from "../../src/domain/protocol/protocol.types";
import type { SeedData, SeedMembership, SeedPerson } from "./seed.types";

// ---------------------------------------------------------------------------------------------
// Rich-text helpers (TipTap JSON subset)
// ---------------------------------------------------------------------------------------------

const italic: Mark[] = [{ type: "italic" }];

/** Inline text; an empty string gives no node, since TipTap forbids empty text nodes. */
const inline = (text: string, marks?: Mark[]): InlineNode[] =>
  text === "" ? [] : [marks ? { type: "text", text, marks } : { type: "text", text }];

const p = (text: string): ParagraphNode => ({ type: "paragraph", content: inline(text) });

const h = (text: string): BlockNode => ({ type: "heading", attrs: { level: 3 }, content: inline(text) });

/** A list item is a string, or [string, sub-items] for a nested list. */
type ListEntry = string | readonly [string, readonly ListEntry[]];

const ul = (items: readonly ListEntry[]): BulletListNode => ({
  type: "bulletList",
  content: items.map((item): ListItemNode => {
    if (typeof item === "string") return { type: "listItem", content: [p(item)] };
    const [text, children] = item;
    return { type: "listItem", content: [p(text), ul(children)] };
  }),
});

const doc = (...content: BlockNode[]): RichDoc => ({ type: "doc", content });

/**
 * A table cell. `*text*` marks an italic cell (`<i>` in the extracted PDF text); numeric cells
 * (digits, spaces and a leading minus) are right-aligned.
 */
const cell = (kind: TableCellNode["type"], raw: string, alignRight: boolean): TableCellNode => {
  const isItalic = raw.length > 2 && raw.startsWith("*") && raw.endsWith("*");
  const text = isItalic ? raw.slice(1, -1) : raw;
  if (text === "") return { type: kind, content: [{ type: "paragraph" }] };
  const para: ParagraphNode = { type: "paragraph", content: inline(text, isItalic ? italic : undefined) };
  if (alignRight) para.attrs = { textAlign: "right" };
  return { type: kind, content: [para] };
};

const isNumeric = (text: string) => /^\*?-?\d[\d ]*\*?$/.test(text);

/** Header row: the label column stays left, the columns over the figures are right-aligned. */
const headerRow = (...cells: string[]): TableRowNode => ({
  type: "tableRow",
  content: cells.map((c, i) => cell("tableHeader", c, i > 0)),
});

const row = (...cells: string[]): TableRowNode => ({
  type: "tableRow",
  content: cells.map((c) => cell("tableCell", c, isNumeric(c))),
});

const table = (...rows: TableRowNode[]): BlockNode => ({ type: "table", content: rows });

const summary = (...content: BlockNode[]) => ({
  kind: "SUMMARY" as const,
  heading: "Sammanfattning av ärendet",
  content: doc(...content),
});
const caseSection = (...content: BlockNode[]) => ({
  kind: "CASE" as const,
  heading: "Ärendet",
  content: doc(...content),
});
const consequences = (...content: BlockNode[]) => ({
  kind: "CONSEQUENCES" as const,
  heading: "Konsekvensbeskrivning",
  content: doc(...content),
});
const otherSection = (heading: string, ...content: BlockNode[]) => ({
  kind: "OTHER" as const,
  heading,
  content: doc(...content),
});

// ---------------------------------------------------------------------------------------------
// People and memberships
// ---------------------------------------------------------------------------------------------

const DEMO_PASSWORD = "paragraf-demo";

const people: SeedPerson[] = [
  { key: "jacob-kall", name: "Jacob Käll", email: "ordforande@itsam.example" },
  { key: "annicki-oscarsson", name: "Annicki Oscarsson", email: "justerare@itsam.example" },
  { key: "conny-forsberg", name: "Conny Forsberg", email: null },
  { key: "elisabet-hagstrom", name: "Elisabet Hagström", email: null },
  { key: "joakim-magnusson", name: "Joakim Magnusson", email: null },
  { key: "gunnar-malgeryd", name: "Gunnar Malgeryd", email: null },
  { key: "christer-segersteen", name: "Christer Segerstéen", email: null },
  { key: "henrik-remmerfelt", name: "Henrik Remmerfelt", email: null },
  { key: "joakim-karlsson", name: "Joakim Karlsson", email: "sekreterare@itsam.example" },
  { key: "roger-karlsson", name: "Roger Karlsson", email: null },
  { key: "malin-vikstrom", name: "Malin Vikström", email: null },
];

const ref = (key: string): PersonRef => {
  const person = people.find((candidate) => candidate.key === key);
  if (!person) throw new Error(`Okänd person i seed: ${key}`);
  return { personId: person.key, name: person.name };
};

const TERM = { termStart: "2019-01-01", termEnd: "2022-12-31", hasVotingRight: true } as const;

const membership = (
  personKey: string,
  role: SeedMembership["role"],
  represents: string,
  position: SeedMembership["position"] = null,
): SeedMembership => ({ personKey, role, position, represents, ...TERM });

// ---------------------------------------------------------------------------------------------
// Attendance, in the order of the original
// ---------------------------------------------------------------------------------------------

const attend = (
  key: string,
  role: AttendanceDTO["role"],
  fields: Partial<Pick<AttendanceDTO, "represents" | "title" | "ranges" | "replacesPersonId">> = {},
): AttendanceDTO => ({
  ...ref(key),
  role,
  represents: fields.represents ?? null,
  title: fields.title ?? null,
  ranges: fields.ranges ?? [],
  replacesPersonId: fields.replacesPersonId ?? null,
});

const attendance: AttendanceDTO[] = [
  // Beslutande
  attend("jacob-kall", "CHAIR", { represents: "Vimmerby kommun" }),
  attend("annicki-oscarsson", "MEMBER", { represents: "Ödeshögs kommun" }),
  attend("conny-forsberg", "MEMBER", { represents: "Kinda kommun", ranges: [{ from: 59, to: 62 }] }),
  attend("elisabet-hagstrom", "MEMBER", { represents: "Ydre kommun" }),
  // Whom these two replace is not stated in the original.
  attend("joakim-magnusson", "SERVING_SUBSTITUTE", { represents: "Åtvidabergs kommun" }),
  attend("gunnar-malgeryd", "SERVING_SUBSTITUTE", { represents: "Boxholms kommun" }),
  // Ersättare: "ersättare, Kinda kommun §§ 59-62, tjänstgörande ersättare §§ 62-67"
  attend("christer-segersteen", "SUBSTITUTE", { represents: "Kinda kommun", ranges: [{ from: 59, to: 62 }] }),
  attend("christer-segersteen", "SERVING_SUBSTITUTE", {
    represents: "Kinda kommun",
    ranges: [{ from: 62, to: 67 }],
    replacesPersonId: "conny-forsberg",
  }),
  // Övriga närvarande
  attend("henrik-remmerfelt", "OTHER", { title: "förbundsdirektör" }),
  attend("joakim-karlsson", "OTHER", { title: "ledningssekreterare" }),
  attend("roger-karlsson", "OTHER", { title: "projektledare Google Workspace", ranges: [{ from: 59, to: 59 }] }),
  attend("malin-vikstrom", "OTHER", { title: "ekonom", ranges: [{ from: 62, to: 63 }] }),
];

// ---------------------------------------------------------------------------------------------
// Paragraphs §§ 59–67
// ---------------------------------------------------------------------------------------------

type ParagraphInput = Pick<
  ParagraphDTO,
  "number" | "caseNumber" | "title" | "decision" | "sections" | "basisDocuments" | "dispatch"
> &
  Partial<Pick<ParagraphDTO, "motions" | "propositions">>;

const paragraph = (input: ParagraphInput): ParagraphDTO => ({
  id: `seed-p${input.number}`,
  ...input,
  attachments: [],
  motions: input.motions ?? [],
  propositions: input.propositions ?? [],
  votes: [],
  reservations: [],
  notes: [],
  recusals: [],
  isConfidential: false,
  withholdingGround: null,
  redactedNames: [],
  isImmediatelyAdjusted: false,
});

const decide = (intro: string, clauses: string[] = []) => ({ intro, clauses });

const p59 = paragraph({
  number: 59,
  caseNumber: "ITSAM 2021/8",
  title: "Google Workspace",
  decision: decide("Direktionen beslutar notera informationen till protokollet."),
  sections: [
    summary(
      p(
        "Kommunchefsberedningen och direktionen har under året beslutat att Google Workspace ska vara en stående punkt på dagordningarna.",
      ),
      p(
        "Till direktionens sammanträde 2021-11-18 är projektledare Roger Karlsson för Google Workspace inbjuden för att föredra hur Global Go Live den 15/11 gått och vad som är aktuellt i anslutning till detta.",
      ),
      h("Status Google Workspace (delprojekt två)"),
      ul([
        "Samtliga kommuner är nu migrerade till Google Workspace",
        "5158 konton migrerade",
        "Inplanerade frågestundsittningar och utbildningar under v.46, v.47 och v.48",
      ]),
      p(
        "Projektledare Roger Karlsson presenterar statistik över inkomna ärenden i servicedesk och hur ärendeflödet sett ut kopplat till global Go Live den 15/11. I det stora hela har det varit användarfrågor och mindre andel rent tekniska frågor. Det har varit en extra påfrestning på servicedesk som haft ett högre antal ärenden än normalt under samma period.",
      ),
      p(
        "Efter Global Go Live som genomfördes 15/11 har projektet identifierat flertalet arbeten som behöver bli klara inom närmsta framtid:",
      ),
      ul(["Inventering Office-licenser", "Avinstallation Office-licenser", "Tredje-partskryptering"]),
    ),
  ],
  basisDocuments: ["Kommunchefsberedningen sammanträde 2021-11-11 § 66"],
  dispatch: ["Akt"],
});

const p60 = paragraph({
  number: 60,
  caseNumber: "ITSAM 2021/5",
  title: "Information från verksamheten",
  decision: decide("Direktionen beslutar att notera informationen till protokollet."),
  sections: [
    summary(
      p("Förbundsdirektör Henrik Remmerfelt redogör för ärendet och lämnar följande information."),
      h("Översyn av verksamheten"),
      p(
        "Det pågår ett arbete i Itsams ledningsgrupp att förbättra tydligheten och enkelheten i ekonomiarbetet inför 2023. Fokus är särskilt inriktat på utveckling. Itsam arbetar ständigt med att utveckla sig, och ett av exemplen är att utveckla kommunikationen för driftmeddelanden som kommer ut. Det är av stor vikt att information kommuniceras på ett tydligt sätt till användaren, så denne vet hur det påverkas.",
      ),
      h("Google Workspace"),
      p(
        'Itsam arbetar med projektet i enlighet med den tidplan som Devoteam redogör för under ärendet "Google Workspace". Information om hur projektet går lämnar således under det ärendet. Det stora arbetet sker egentligen efter Global Go Live 15/11. En potentiell besparing är bland annat inom området licenser hos Microsoft.',
      ),
      h("HR-system – upphandling"),
      p(
        "Avtalet med nuvarande leverantör går ut i halvårsskiftet nästa år. I den pågående upphandlingen har enbart ett svar inkommit. Franz Larsson, upphandlare i Åtvidabergs kommun leder arbetet. Han kommer ha ett möte med kommunernas HR-chefer där han kommer föreslå arbetsgruppen att utvärdera det inkomna anbudet, istället för att gå ut i förenklat förfarande.",
      ),
      h("CRM-system"),
      p(
        "Arbetet med att upphandla ett nytt CRM-system fortgår i enlighet med tidsplan. Upphandlingen kommer bli klar innan årsskiftet.",
      ),
      h("E-tjänsteplattform"),
      p("E-tjänsteplattformen är publicerad efter några veckors försening."),
    ),
  ],
  basisDocuments: ["Kommunchefsberedningens sammanträde 2021-11-11 § 60"],
  dispatch: ["Akt"],
});

const p61 = paragraph({
  number: 61,
  caseNumber: "ITSAM 2021/6",
  title: "Personal",
  decision: decide("Direktionen beslutar notera informationen till protokollet."),
  sections: [
    summary(
      h("Status rekryteringar"),
      p(
        "Gällande rekryteringen för strategi- och projektchef är den rekryteringen i sluttampen och två kandidater ska genomgå lite mer djupgående intervjuer. Gällande rekryteringarna för senior systemtekniker och nätverkstekniker är annonserna publicerade och ansökningar har börjat komma in. Det pågår även rekryteringar av studentmedarbetare till servicedesk.",
      ),
      h("Arbetsmiljö"),
      p("Itsam har genomfört skyddsronder, en fysisk och en psykosocial skyddsron."),
      p(
        "Itsams ledare har genomfört en arbetsmiljöutbildning på tre delar med hjälp av Åtvidabergs kommun. Det är extra viktigt att arbetsmiljöarbetet fungerar när Itsam arbetar efter det hybrida arbetssättet.",
      ),
      h("FoU Linköping"),
      p(
        "Itsam bemannar för tillfället ett EU-projekt som leds av Linköpings kommun där vi har en utvecklare som arbetar på deltid. Projektet har valt att avbryta samarbetet med vår medarbetare, då medarbetaren och en till anställd i Linköpings kommun startat en bisyssla som är snarlik projektet. Itsam ser över möjligheten att se om Itsam kan bemanna projektet på ett annat sätt.",
      ),
    ),
  ],
  basisDocuments: ["Kommunchefsberedningens sammanträde 2021-11-11 § 61"],
  dispatch: ["Akt"],
});

const p62 = paragraph({
  number: 62,
  caseNumber: "ITSAM 2021/72",
  title: "Budget 2022 samt plan för 2022-2024",
  decision: decide("Direktionen beslutar:", [
    "att anta budget för år 2022 jämte plan för 2022-2024 samt överlämnar budget 2022 till medlemskommunerna för yttrande,",
    "att kommunalförbundet ITSAM får ett effektiviseringsuppdrag på 4,4% på budget 2022 (motsvarande 5 miljoner) och att uppdraget redovisas i form av ett handlingsprogram inklusive konsekvensbeskrivningar i slutet på Q1, samt",
    "att kommunalförbundet ITSAM till budget 2023 skall ha med en strategisk plan över 5 år där bedömda kostnadsutveckling och behov i drift- och investeringar finns redovisade",
  ]),
  sections: [
    summary(
      p(
        "Kommunalförbundet Itsam har till ändamål att svara för it-verksamheten i medlemskommunerna och därmed förbundna frågor. Inriktningen bestäms av Itsam-avtalet, förbundsordning och skilda policydokument, liksom av de beslut som direktionen fattar och de avtal som tecknas med medlemmarnas verksamheter. Itsam skall verka för att uppnå en jämn och rättvis fördelning av Itsams resurser mellan kommunerna.",
      ),
      p("Budgeten läses i sin helhet i utskickat underlag."),
      p(
        "Henrik redogör för vikten av att utveckla ekonomi- och budgetarbetet inför 2023. Itsam kommer önskar därför att ta kontakt med medlemmarnas ekonomichefer för att hitta en transparens i kommande budgetarbete.",
      ),
      p(
        "Kommunchefsberedningen är gemensamt överens om behovet av ett eventuellt besparingskrav och förordar direktionen att ta beslut om detsamma.",
      ),
      h("Särskilda upplysningar i budget 2022"),
      p("Under 2022 har följande märkts ut som särskilda upplysningar:"),
      // One list, although a page break splits it in the PDF.
      ul([
        "Redovisning av finansiella leasingavtal",
        [
          "Införande av nya system",
          ["E-tjänsteplattform", "Ärendehanteringssystem", "HR-system", "Implementation GWS"],
        ],
        "Kinda kommuns eventuella utträde",
      ]),
      h("God ekonomisk hushållning"),
      p(
        "De ekonomiska målsättningarna för Itsam regleras i kommunallagen samt internt styrande dokument där målsättningen är en god ekonomisk hushållning. I inför budget 2022 har målen omarbetats för att passa bättre kring de arbetssätt och mätetal som Itsam använder. Målen är indelade i tre olika perspektiv, ekonomi, drift och utveckling. Målen läses i sin helhet i utskickad underlag.",
      ),
      h("Resultatbudget ordinarie verksamhet"),
      p(
        "Budgeten är en framtidsbedömning och ett planeringsinstrument som i siffror speglar organisationens roll vad gäller strategi, ambitioner och mål för att stödja och utveckla de kommunala verksamheterna vad gäller it och digitalisering. Budgeten är kommunernas och direktionens verktyg för att sätta förväntningar och ramverk för den kommande verksamhetsperioden. Itsams ekonomi bygger på två parametrar, förlusttäckningsbidrag från medlemskommunerna samt intäkter från de tjänster som levereras till de kommunala förvaltningarna.",
      ),
      p(
        "Indexering har gjorts utifrån avtal med leverantör samt prisindex för kommunal verksamhet. I budgeten är ingen hänsyn tagen till eventuella valutajusteringar från mjukvaru- och hårdvaruleverantörer, vare sig på intäkts- eller kostnadssidan. Om justering sker kan Itsam i sin tur behöva justera priserna gentemot kommunerna.",
      ),
      table(
        headerRow("Resultatbudget", "Budget", "Prognos", "Budget"),
        headerRow("*Intäkter*", "2022", "2021", "2021"),
        row("Förlusttäckning", "13 498", "13 220", "13 220"),
        row("Supportintäkter", "19 263", "19 032", "14 727"),
        row("Leasingintäkter datorer och övriga enheter", "23 591", "21 326", "23 374"),
        row("Övriga intäkter", "56 731", "53 478", "51 243"),
        row("*Summa intäkter*", "*113 083*", "*107 056*", "*102 564*"),
        row("*Kostnader*", "", "", ""),
        row("Kostnader för huvudverksamhet", "-53 165", "-54 980", "-48 466"),
        row("Kostnader för arbetskraft", "-31 314", "-27 316", "-29 473"),
        row("Övriga verksamhetskostnader", "-6 949", "-7 316", "-6 489"),
        row("Avskrivningar", "-21 495", "-16 038", "-17 935"),
        row("Finansiella intäkter och kostnader", "-160", "-126", "-200"),
        row("*Summa kostnader*", "*-113 083*", "*-105 776*", "*-102 564*"),
        row("Resultat", "0", "1 280", "0"),
      ),
    ),
  ],
  basisDocuments: [
    "Kommunchefsberedningens sammanträde 2021-11-11 § 62",
    "Budget 2022 med plan för 2022-2024",
    "Bilaga 1 – detaljerad intäktsbudget",
  ],
  motions: [
    // The original quotes both clauses as ” … ” (the second has only a stray closing quote).
    {
      ...ref("joakim-magnusson"),
      kind: "TILLAGG",
      text: "Att kommunalförbundet ITSAM får ett effektiviseringsuppdrag på 4,4% på budget 2022 (motsvarande 5 miljoner) och att uppdraget redovisas i form av ett handlingsprogram i slutet på Q1.",
      amendsIndex: null,
      withdrawn: false,
    },
    {
      ...ref("joakim-magnusson"),
      kind: "TILLAGG",
      text: "Att kommunalförbundet ITSAM till budget 2023 skall ha med en strategisk plan över 5 år där bedömda kostnadsutveckling och behov i drift- och investeringar finns redovisade.",
      amendsIndex: null,
      withdrawn: false,
    },
    {
      ...ref("jacob-kall"),
      kind: "ANDRING",
      text: "att Joakim Magnussons första yrkande ska kompletteras med ”inklusive konsekvensbeskrivningar”",
      amendsIndex: 0,
      withdrawn: false,
    },
  ],
  propositions: [
    "Ordförande Jacob Käll ställer proposition på framförda yrkanden och finner att direktionen beslutat godkänna detsamma.",
  ],
  // "Beslutsexpediering" stands in the original with nothing under it.
  dispatch: [],
});

const p63 = paragraph({
  number: 63,
  caseNumber: "ITSAM 2021/33",
  title: "Prislista 2022",
  decision: decide("Direktionen beslutar fastställa prislista avseende år 2022."),
  sections: [
    summary(
      p(
        "Taxor och avgifter för produkter och tjänster som levereras av Itsam fastställs årligen av direktionen. Undantaget är leasingavgifter för datorer, läsplattor etc. där avgifterna styrs av ramavtal mellan hårdvaruleverantören och Itsam. Leverantörens prissättning av hårdvaran varierar utifrån val av modell samt aktuellt ränteläge, valutakurser etc. vilket gör att avgifterna kan förändras under innevarande år. De avgifter som sätts för datorer gäller dock alltid under hela avtalsperioden mellan Itsam och den kommunala förvaltningen.",
      ),
      p(
        "Aktuella avgifter publiceras i tjänstekatalogen på Itsams Servicedesks hemsida. Kompletterande datorkostnader i fråga om t.ex. service- och supportavgifter är till för att finansiera kommunalförbundets servicedesk och supportfunktion och är obligatoriska.",
      ),
      p("Nyttillkomna tjänster är gulmarkerade. Pris enligt prislista 2021 framgår i parentes."),
      p(
        "Den stora skillnaden jämfört mot tidigare år är att utskriftspriset gentemot kommunerna är helt utan påslag medan ett större kostnadspåslag har gjorts på leasingen för kopian samt att prislistan kompletterats med ett timpris för systemtekniker och nätverkstekniker. Annan ändring som gjorts är att installationskostnaden för accesspunkter och accesswitchar numer ingår i månadskostnaden istället för att faktureras separat (Kabeldragning, installation av nätverksuttag och liknande debiteras dock som tidigare av utförande underentreprenör genom vidarefakturerings av Itsam). Prissättningen för en telefonianknytning har uppdaterats vilket inneburit en prissänkning.",
      ),
      p(
        "I och med övergång till den nya digitala plattformen Google Workspace kommer prissättning för datorlicenser samt användarkonton kunna behöva revideras under året när kostnader för Microsoftlicenser som ska upphandlas i början av budgetåret blir kända.",
      ),
    ),
  ],
  basisDocuments: ["Kommunchefsberedningens sammanträde 2021-11-11 § 63", "Itsam prislista 2022"],
  dispatch: ["Akt"],
});

const p64 = paragraph({
  number: 64,
  caseNumber: "ITSAM 2021/73",
  title: "Verksamhetsplan 2022",
  decision: decide("Direktionen beslutar att anta verksamhetsplan för år 2022."),
  sections: [
    summary(
      p(
        "För att vidareutveckla strukturen och tydligheten samt öka transparensen gentemot medlemskommunerna har Itsam sedan två år tillbaka arbetat med verksamhetsplan som beslutats av direktionen.",
      ),
      p(
        "En skillnad från tidigare år är att Itsam har en generell verksamhetsplan som inkluderar samtliga gruppers planerade arbete under nästkommande år. En primär anledning för detta är att samtliga grupper arbetar med samma jobb under exempelvis projekt. Det är därför onödigt att flera grupper har samma arbeten och därmed en egen verksamhetsplan. En annan orsak till att Itsam har en generell verksamhetsplan är också för att skapa ännu mer tydlighet i verksamhetsplanen.",
      ),
    ),
    caseSection(
      p(
        "För att vidareutveckla verksamheten ytterligare arbetar Itsams ledningsgrupp med att skapa ett tydligare samband mellan budgeten och verksamhetsplanen.",
      ),
    ),
  ],
  basisDocuments: ["Kommunchefsberedningens sammanträde 2021-11-11 § 64", "Verksamhetsplan 2022"],
  dispatch: ["Akt"],
});

const p65 = paragraph({
  number: 65,
  caseNumber: "ITSAM 2021/71",
  title: "Sammanträdesdagar 2022",
  decision: decide("Direktionen beslutar anta sammanträdesdagar för år 2022."),
  sections: [
    summary(
      p(
        "Itsam har tagit fram ett förslag på sammanträdesdagar för år 2022. Precis som tidigare år är det totalt åtta sammanträdesdagar på året.",
      ),
      p(
        "I samband med att datumen för nästkommande års sammanträden är fastslagna ansvarar ledningssekreterare på Itsam för att boka in samtliga personer i kommunchefsberedningen.",
      ),
    ),
    caseSection(
      p(
        "Kommunchefsberedningen fattar beslut om sammanträdesdagar för beredningen och direktionen fattar beslut på föreslagna dagar som avser direktionen.",
      ),
    ),
  ],
  basisDocuments: ["Tjänsteskrivelse daterad 2021-11-04"],
  dispatch: ["Akt", "Direktionens ledamöter och ersättare"],
});

const p66 = paragraph({
  number: 66,
  caseNumber: "ITSAM 2021/17",
  // The ärendelista calls it "Kinda kommuns utträde ur kommunalförbundet Itsam - information".
  title: "Utredning utträde ur kommunalförbundet Itsam",
  decision: decide("Direktionen beslutar att notera informationen till protokollet."),
  sections: [
    summary(
      p(
        "Kommunchefsberedningen och direktionen har tidigare under året beslutat att ärendet avseende Kinda kommuns utträde ur kommunalförbundet ska vara ett stående ärende på dagordningarna.",
      ),
      p(
        "Till kommunchefsberedningens sammanträde 2021-11-04 kommer Henrik Remmerfelt att avrapportera hur uppdraget fortlöper som direktionen gav förbundsdirektören 2021-09-23.",
      ),
      p(
        "Under direktionens sammanträde berättar Henrik Remmerfelt att kommundirektörerna funderar över om dom vill ingå i den styrgrupp som kommer leda arbetet framåt. Vid intresse ska anmälan ske direkt till Henrik.",
      ),
    ),
  ],
  basisDocuments: ["Kommunchefsberedningens sammanträde 2021-11-11 § 67"],
  dispatch: ["Akt"],
});

const TEMPLATE_LEFTOVER = "Här finns text som återvunnits från tjänsteskrivelse";

const p67 = paragraph({
  number: 67,
  caseNumber: "ITSAM 2021/13",
  // The ärendelista calls it "Handlingar för kännedom".
  title: "Handlingar för kännedom - 2021",
  // Verbatim, with the original's mistakes: a beredning's proposal standing as the decision, "noterna".
  decision: decide("Kommunchefsberedningen beslutar föreslå direktionen att noterna informationen till protokollet."),
  sections: [
    summary(
      p(
        "Under ärendet ”handlingar för kännedom” bifogas inkomna och upprättade handlingar som kan vara för intresse för kommunchefsberedningen och direktionen.",
      ),
      p(
        "Till kommunchefsberedningens sammanträde 2021-11-11 bifogas en granskningsrapport avseende delårsbokslut per den 2021-08-31 samt tre incidentrapporter. Granskningsrapporten läses i sin helhet i Netpublicator.",
      ),
    ),
    // Template leftovers of the original, kept so the checker can flag them. In the PDF the three
    // empty headings come after Beslutsunderlag; the types cannot place a section there.
    caseSection(p(TEMPLATE_LEFTOVER)),
    consequences(p(TEMPLATE_LEFTOVER)),
    otherSection("Yrkanden"),
    otherSection("Propositionsordningar"),
    otherSection("Protokollsanteckning/reservation"),
  ],
  basisDocuments: [
    "Tjänsteskrivelse daterad 2021-11-04",
    "Granskningsrapport av delårsrapport 2021",
    "Incidentrapport – VMware driftavbrott",
    "Incidentrapport – Central lagring",
    "Incidentrapport – Utskriftsproblem",
  ],
  dispatch: [],
});

// ---------------------------------------------------------------------------------------------
// The seed
// ---------------------------------------------------------------------------------------------

export const itsamSeed: SeedData = {
  organisation: { name: "Itsam", slug: "itsam", kind: "KOMMUNALFORBUND", caseNumberPrefix: "ITSAM" },
  bodies: [
    {
      slug: "direktionen",
      name: "Direktionen",
      genitiveName: "Direktionens",
      kind: "DIREKTION",
      // One ledamot per member municipality: Vimmerby, Ödeshög, Kinda, Ydre, Åtvidaberg, Boxholm.
      // The absent ledamöter of Åtvidaberg and Boxholm are not named in the protocol.
      seatCount: 6,
      memberships: [
        membership("jacob-kall", "MEMBER", "Vimmerby kommun", "CHAIR"),
        membership("annicki-oscarsson", "MEMBER", "Ödeshögs kommun"),
        membership("conny-forsberg", "MEMBER", "Kinda kommun"),
        membership("elisabet-hagstrom", "MEMBER", "Ydre kommun"),
        membership("joakim-magnusson", "SUBSTITUTE", "Åtvidabergs kommun"),
        membership("gunnar-malgeryd", "SUBSTITUTE", "Boxholms kommun"),
        membership("christer-segersteen", "SUBSTITUTE", "Kinda kommun"),
      ],
    },
    {
      slug: "kommunchefsberedningen",
      name: "Kommunchefsberedningen",
      genitiveName: "Kommunchefsberedningens",
      kind: "BEREDNING",
      seatCount: 6,
      memberships: [],
    },
  ],
  people,
  users: [
    {
      email: "sekreterare@itsam.example",
      name: "Joakim Karlsson",
      password: DEMO_PASSWORD,
      personKey: "joakim-karlsson",
      isAdmin: false,
      bodyRoles: [{ bodySlug: "direktionen", role: "SECRETARY" }],
    },
    {
      email: "ordforande@itsam.example",
      name: "Jacob Käll",
      password: DEMO_PASSWORD,
      personKey: "jacob-kall",
      isAdmin: false,
      bodyRoles: [{ bodySlug: "direktionen", role: "MEMBER" }],
    },
    {
      email: "justerare@itsam.example",
      name: "Annicki Oscarsson",
      password: DEMO_PASSWORD,
      personKey: "annicki-oscarsson",
      isAdmin: false,
      bodyRoles: [{ bodySlug: "direktionen", role: "MEMBER" }],
    },
    {
      email: "admin@itsam.example",
      name: "Administratör",
      password: DEMO_PASSWORD,
      personKey: null,
      isAdmin: true,
      bodyRoles: [],
    },
  ],
  meetings: [
    {
      organisation: { name: "Itsam", caseNumberPrefix: "ITSAM" },
      body: {
        name: "Direktionen",
        genitiveName: "Direktionens",
        slug: "direktionen",
        kind: "DIREKTION",
        seatCount: 6,
        appendedAttendanceList: false,
      },
      meeting: {
        id: "seed-direktionen-2021-11-18",
        slug: "direktionen-2021-11-18",
        // The demo starts before justering so the sign-off workflow can be shown.
        status: "DRAFT",
        date: "2021-11-18",
        startTime: "10:00",
        endTime: "12:00", // "12.00" in the original
        place: "Zoom",
        // "Justeringens plats och tid" is empty in the original.
        adjustmentPlace: null,
        adjustmentDate: null,
        adjustedOn: null,
      },
      secretary: ref("joakim-karlsson"),
      adjusters: [ref("annicki-oscarsson")],
      attendance,
      paragraphs: [p59, p60, p61, p62, p63, p64, p65, p66, p67],
      notice: { postedOn: "2021-12-17", takeDownOn: "2022-01-07", storagePlace: "Itsam" },
      signatures: [],
    },
  ],
};
