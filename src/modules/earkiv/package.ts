// The e-arkiv package (SIP) of one justerat protocol, as a list of files: E-ARK CSIP 2.2 / E-ARK
// SIP, which Riksarkivet's FGS Paketstruktur 2.0 adopts. Pure: the same input gives the same bytes
// (every date in it comes from the protocol's own history, none from the clock), so exporting a
// protocol twice gives identical packages until something new happens to it (a rättelse, a copy).
//
//   <OBJID>/METS.xml                              root METS: dmdSec, amdSec (PREMIS), fileSec, structMap "CSIP"
//   <OBJID>/documentation/LASMIG.txt              what the package holds, in Swedish; the sekretess note
//   <OBJID>/metadata/descriptive/beskrivning.xml  organ, date, §§ with titles and Dnr
//                                                 (schemas/paragraf-beskrivning.xsd)
//   <OBJID>/metadata/preservation/premis.xml      PREMIS 3: objects with fixity, events from the audit log, agents
//   <OBJID>/schemas/*.xsd                         METS 1.12, XLink, PREMIS 3.0, the CSIP extension, the record's schema
//   <OBJID>/representations/rep1/METS.xml         the representation's METS: its data and schema
//   <OBJID>/representations/rep1/data/…           the signed original PDF/A, the stored notice, the issued
//                                                 copies, the bilagor, protokoll.json and rattelser.json
//   <OBJID>/representations/rep1/schemas/paragraf-protokoll.schema.json
import { createHash } from "node:crypto";
import type { CorrectionDTO, ProtocolDTO } from "@/domain/protocol/protocol.types";
import { signatureRoleTerms } from "@/domain/vocabulary";
import { toSwedishDate } from "@/lib/iso-date";
import { el, xmlDocument, type XmlElement } from "./xml";

/** The E-ARK SIP profile (2.2.0) the package follows; it builds on CSIP 2.2. */
export const SIP_PROFILE = "https://earksip.dilcis.eu/profile/E-ARK-SIP-v2-2-0.xml";
export const CONTENT_CATEGORY = "Textual works – Digital";
export const CONTENT_INFORMATION_TYPE = "Paragraf protokoll 1 (PDF/A med strukturerad JSON)";

export interface StoredPdf {
  bytes: Uint8Array;
  sha256: string;
  /** ISO instant the file was stored. */
  createdAt: string;
}

export interface EarkivInput {
  /** The protocol as signed (names as at justering), read from the database. */
  protocol: ProtocolDTO;
  /** The content hash every signature covers (Meeting.contentHash). */
  contentHash: string;
  /**
   * The secret salt the hash covers (Meeting.hashSalt; null before salts existed): in the package,
   * the original for the organisation's own archive, so the hash can be recomputed from it.
   */
  contentHashSalt: string | null;
  /** When the meeting was created in Paragraf (ISO instant). */
  meetingCreatedAt: string;
  corrections: CorrectionDTO[];
  /** When the notice dates were last changed after justering, or null. */
  noticeRevisedAt: string | null;
  /** The signed original (ProtocolFile PROTOCOL) and the notice stored at justering (ProtocolFile NOTICE). */
  original: StoredPdf;
  storedNotice: StoredPdf | null;
  /** Copies handed out instead of the original (IssuedCopy), oldest first. */
  issuedCopies: (StoredPdf & { kind: "PUBLIC" | "FULL" | "NOTICE"; correctionCount: number })[];
  /** Bilagor with their stored bytes, in § and position order. */
  attachments: {
    paragraphNumber: number;
    position: number;
    label: string;
    fileName: string | null;
    mimeType: string | null;
    bytes: Uint8Array;
    createdAt: string;
  }[];
  /** Audit rows of the meeting (oldest first); only the lifecycle actions become PREMIS events. */
  audit: { id: string; at: string; action: string; user: { id: string; name: string } | null; data: unknown }[];
  /** Today (ISO date): the notice's posting is an event once its day has come. */
  today: string;
  /** The schema files shipped in schemas/ (name → bytes). */
  schemas: Readonly<Record<string, Uint8Array>>;
  softwareVersion: string;
}

export interface PackageFile {
  /** Path inside the package folder, "/"-separated. */
  path: string;
  bytes: Uint8Array;
}

export interface EarkivPackage {
  objid: string;
  /** metsHdr CREATEDATE: the latest thing that happened to the protocol that the package shows. */
  createdAt: string;
  /** Every file, in the order they go into the zip (sorted by path). */
  files: PackageFile[];
  containsConfidential: boolean;
}

/** The schema files every package carries in schemas/ (the record's own one, and those its XML uses). */
export const ROOT_SCHEMAS = [
  "DILCISExtensionMETS.xsd",
  "mets.xsd",
  "paragraf-beskrivning.xsd",
  "premis.xsd",
  "xlink.xsd",
] as const;
export const REPRESENTATION_SCHEMA = "paragraf-protokoll.schema.json";

/** Events taken from the audit log into PREMIS (the drafting saves stay in Paragraf's own log). */
const EVENT_TYPES: Record<string, { type: string; detail: string }> = {
  "meeting.create": { type: "skapat", detail: "Sammanträdet skapades i Paragraf" },
  "protocol.sendForAdjustment": { type: "skickat till justering", detail: "Protokollet skickades till justering" },
  "protocol.return": {
    type: "återsänt",
    detail: "Protokollet skickades tillbaka till sekreteraren före justering",
  },
  "protocol.sign": { type: "signerat", detail: "Signerade protokollet (lösenordet angavs på nytt)" },
  "protocol.adjusted": {
    type: "justerat",
    detail: "Alla har signerat: protokollet är justerat, PDF/A lagrad och förseglad",
  },
  "protocol.correction": { type: "rättelse", detail: "Rättelse signerad och tillagd efter justering" },
  "notice.edit": { type: "anslag ändrat", detail: "Anslagets datum ändrades efter justering" },
};

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const utf8 = (text: string) => new TextEncoder().encode(text);
const json = (value: unknown) => utf8(JSON.stringify(value, null, 2) + "\n");

/** A file name safe in every archive system: ASCII letters, digits, ".", "-", "_". */
export function safeFileName(name: string): string {
  const ascii = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .replace(/^[._]+/, "")
    .slice(-80);
  return ascii || "fil";
}

/** An XML ID (NCName) for a path. */
const xmlId = (prefix: string, path: string) => `${prefix}-${path.replace(/[^A-Za-z0-9._-]/g, "_")}`;

const PDF = "application/pdf";

interface ContentFile {
  /** Path relative to representations/rep1. */
  path: string;
  bytes: Uint8Array;
  mime: string;
  created: string;
  /** PREMIS formatName. */
  format: string;
  label: string;
}

function contentFiles(input: EarkivInput, protocolJson: Uint8Array, correctionsJson: Uint8Array, created: string) {
  const files: ContentFile[] = [
    {
      path: "data/protokoll.pdf",
      bytes: input.original.bytes,
      mime: PDF,
      created: input.original.createdAt,
      format: "PDF/A-2",
      label: "Det justerade originalet, signerat och förseglat",
    },
  ];
  if (input.storedNotice)
    files.push({
      path: "data/anslag.pdf",
      bytes: input.storedNotice.bytes,
      mime: PDF,
      created: input.storedNotice.createdAt,
      format: "PDF/A-2",
      label: "Anslaget (bevis om justering) som det lagrades vid justeringen",
    });
  const copyNames = { PUBLIC: "offentlig-kopia", FULL: "kopia-med-andringar", NOTICE: "anslag" } as const;
  const copyLabels = {
    PUBLIC: "Utlämnad offentlig kopia (sekretessmarkerade paragrafer utelämnade)",
    FULL: "Utlämnad kopia med rättelser och/eller ändrade anslagsdatum",
    NOTICE: "Utlämnat anslag",
  } as const;
  input.issuedCopies.forEach((c, i) =>
    files.push({
      path: `data/kopior/${String(i + 1).padStart(3, "0")}-${copyNames[c.kind]}.pdf`,
      bytes: c.bytes,
      mime: PDF,
      created: c.createdAt,
      format: "PDF/A-2",
      label: `${copyLabels[c.kind]}, ${c.correctionCount} rättelser`,
    }),
  );
  for (const a of input.attachments)
    files.push({
      path: `data/bilagor/p${a.paragraphNumber}-${a.position + 1}-${safeFileName(a.fileName ?? "bilaga.pdf")}`,
      bytes: a.bytes,
      mime: a.mimeType ?? PDF,
      created: a.createdAt,
      format: (a.mimeType ?? PDF) === PDF ? "PDF" : (a.mimeType ?? "okänt"),
      label: `§ ${a.paragraphNumber}: ${a.label}`,
    });
  files.push(
    {
      path: "data/protokoll.json",
      bytes: protocolJson,
      mime: "application/json",
      created,
      format: "JSON (urn:paragraf:protokoll:1)",
      label: "Protokollet som strukturerad data",
    },
    {
      path: "data/rattelser.json",
      bytes: correctionsJson,
      mime: "application/json",
      created,
      format: "JSON",
      label: "Rättelser efter justering",
    },
  );
  return files;
}

const NS = {
  "xmlns:mets": "http://www.loc.gov/METS/",
  "xmlns:csip": "https://DILCIS.eu/XML/METS/CSIPExtensionMETS",
  "xmlns:xlink": "http://www.w3.org/1999/xlink",
  "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
};

function metsRoot(
  objid: string,
  label: string,
  schemasPath: string,
  header: { created: string; softwareVersion: string; organisation: string; archivalCreator: string },
  ...children: XmlElement[]
) {
  const { created, softwareVersion } = header;
  return el(
    "mets:mets",
    {
      ...NS,
      OBJID: objid,
      LABEL: label,
      TYPE: CONTENT_CATEGORY,
      "csip:CONTENTINFORMATIONTYPE": "OTHER",
      "csip:OTHERCONTENTINFORMATIONTYPE": CONTENT_INFORMATION_TYPE,
      PROFILE: SIP_PROFILE,
      "xsi:schemaLocation": [
        `http://www.loc.gov/METS/ ${schemasPath}mets.xsd`,
        `http://www.w3.org/1999/xlink ${schemasPath}xlink.xsd`,
        `https://DILCIS.eu/XML/METS/CSIPExtensionMETS ${schemasPath}DILCISExtensionMETS.xsd`,
      ].join(" "),
    },
    el(
      "mets:metsHdr",
      { CREATEDATE: created, LASTMODDATE: created, RECORDSTATUS: "NEW", "csip:OAISPACKAGETYPE": "SIP" },
      // E-ARK SIP: the archival creator (the body, of its organisation) and the submitting agent.
      el("mets:agent", { ROLE: "ARCHIVIST", TYPE: "ORGANIZATION" }, el("mets:name", {}, header.archivalCreator)),
      el("mets:agent", { ROLE: "CREATOR", TYPE: "ORGANIZATION" }, el("mets:name", {}, header.organisation)),
      el(
        "mets:agent",
        { ROLE: "CREATOR", TYPE: "OTHER", OTHERTYPE: "SOFTWARE" },
        el("mets:name", {}, "Paragraf"),
        el("mets:note", { "csip:NOTETYPE": "SOFTWARE VERSION" }, softwareVersion),
      ),
    ),
    ...children,
  );
}

function metsFile(id: string, href: string, bytes: Uint8Array, mime: string, created: string) {
  return el(
    "mets:file",
    { ID: id, MIMETYPE: mime, SIZE: bytes.length, CREATED: created, CHECKSUM: sha256(bytes), CHECKSUMTYPE: "SHA-256" },
    el("mets:FLocat", { LOCTYPE: "URL", "xlink:type": "simple", "xlink:href": href }),
  );
}

function mdRef(href: string, bytes: Uint8Array, created: string, mdType: Record<string, string>) {
  return el("mets:mdRef", {
    LOCTYPE: "URL",
    "xlink:type": "simple",
    "xlink:href": href,
    ...mdType,
    MIMETYPE: "application/xml",
    SIZE: bytes.length,
    CREATED: created,
    CHECKSUM: sha256(bytes),
    CHECKSUMTYPE: "SHA-256",
  });
}

// ---------------------------------------------------------------------------------------------
// PREMIS 3

const premisId = (prefix: string, type: string, value: string) =>
  el(
    `premis:${prefix}Identifier`,
    {},
    el(`premis:${prefix}IdentifierType`, {}, type),
    el(`premis:${prefix}IdentifierValue`, {}, value),
  );

interface PremisEvent {
  id: string;
  type: string;
  at: string;
  detail: string;
  agent: { id: string; role: string } | null;
}

function premisDocument(input: EarkivInput, objid: string, files: ContentFile[]) {
  const p = input.protocol;
  const orgAgent = `organisation:${p.organisation.name}`;
  const agents = new Map<string, { name: string; type: string }>([
    ["software:Paragraf", { name: `Paragraf ${input.softwareVersion}`, type: "software" }],
    [orgAgent, { name: p.organisation.name, type: "organization" }],
  ]);
  const events: PremisEvent[] = [];
  if (!input.audit.some((a) => a.action === "meeting.create"))
    events.push({
      id: `meeting:${p.meeting.id}:created`,
      type: "skapat",
      at: input.meetingCreatedAt,
      detail: "Sammanträdet skapades i Paragraf",
      agent: { id: "software:Paragraf", role: "implementer" },
    });
  for (const row of input.audit) {
    const kind = EVENT_TYPES[row.action];
    if (!kind) continue;
    let agent: PremisEvent["agent"] = null;
    if (row.user) {
      agent = { id: `user:${row.user.id}`, role: "executing program operator" };
      agents.set(agent.id, { name: row.user.name, type: "person" });
    }
    const paragraph =
      row.action === "protocol.correction" &&
      row.data &&
      typeof row.data === "object" &&
      typeof (row.data as { paragraphNumber?: unknown }).paragraphNumber === "number"
        ? ` (§ ${(row.data as { paragraphNumber: number }).paragraphNumber})`
        : "";
    events.push({
      id: `audit:${row.id}`,
      type: kind.type,
      at: row.at,
      detail: `${kind.detail}${paragraph}. Paragrafs händelselogg: ${row.action}.`,
      agent,
    });
  }
  if (p.notice && p.notice.postedOn <= input.today) {
    // Posted on the day of justering: on Paragraf's web anslagstavla from that moment, so the
    // event takes the justering's instant; posted on a later day (within KL's two days): that day.
    const adjusted = input.audit.find((a) => a.action === "protocol.adjusted");
    const at = adjusted && toSwedishDate(new Date(adjusted.at)) === p.notice.postedOn ? adjusted.at : p.notice.postedOn;
    events.push({
      id: `notice:${p.meeting.id}:posted`,
      type: "anslaget",
      at,
      detail: `Justeringen tillkännagavs på anslagstavlan ${p.notice.postedOn}; anslaget tas ned ${p.notice.takeDownOn} (KL 8 kap. 12 §).`,
      agent: { id: orgAgent, role: "implementer" },
    });
  }
  // Stable order: by time, then by id (two rows in the same millisecond keep one order).
  events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const entity = el(
    "premis:object",
    { "xsi:type": "premis:intellectualEntity" },
    premisId("object", "local", objid),
    el(
      "premis:significantProperties",
      {},
      el("premis:significantPropertiesType", {}, "innehållshash (SHA-256, Paragraf)"),
      el("premis:significantPropertiesValue", {}, input.contentHash),
    ),
    el("premis:originalName", {}, `${p.body.name} ${p.meeting.date}`),
  );
  const objects = files.map((f) =>
    el(
      "premis:object",
      { "xsi:type": "premis:file" },
      premisId("object", "local", `representations/rep1/${f.path}`),
      el(
        "premis:objectCharacteristics",
        {},
        el("premis:compositionLevel", {}, "0"),
        el(
          "premis:fixity",
          {},
          el("premis:messageDigestAlgorithm", {}, "SHA-256"),
          el("premis:messageDigest", {}, sha256(f.bytes)),
          el("premis:messageDigestOriginator", {}, "Paragraf"),
        ),
        el("premis:size", {}, String(f.bytes.length)),
        el("premis:format", {}, el("premis:formatDesignation", {}, el("premis:formatName", {}, f.format))),
      ),
      el("premis:originalName", {}, f.label),
      el(
        "premis:relationship",
        {},
        el("premis:relationshipType", {}, "structural"),
        el("premis:relationshipSubType", {}, "is included in"),
        el(
          "premis:relatedObjectIdentifier",
          {},
          el("premis:relatedObjectIdentifierType", {}, "local"),
          el("premis:relatedObjectIdentifierValue", {}, objid),
        ),
      ),
    ),
  );
  const eventEls = events.map((e) =>
    el(
      "premis:event",
      {},
      premisId("event", "local", e.id),
      el("premis:eventType", {}, e.type),
      el("premis:eventDateTime", {}, e.at),
      el("premis:eventDetailInformation", {}, el("premis:eventDetail", {}, e.detail)),
      e.agent &&
        el(
          "premis:linkingAgentIdentifier",
          {},
          el("premis:linkingAgentIdentifierType", {}, "local"),
          el("premis:linkingAgentIdentifierValue", {}, e.agent.id),
          el("premis:linkingAgentRole", {}, e.agent.role),
        ),
      el(
        "premis:linkingObjectIdentifier",
        {},
        el("premis:linkingObjectIdentifierType", {}, "local"),
        el("premis:linkingObjectIdentifierValue", {}, objid),
      ),
    ),
  );
  const agentEls = [...agents.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, a]) =>
      el(
        "premis:agent",
        {},
        premisId("agent", "local", id),
        el("premis:agentName", {}, a.name),
        el("premis:agentType", {}, a.type),
      ),
    );
  return xmlDocument(
    el(
      "premis:premis",
      {
        "xmlns:premis": "http://www.loc.gov/premis/v3",
        "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
        "xsi:schemaLocation": "http://www.loc.gov/premis/v3 ../../schemas/premis.xsd",
        version: "3.0",
      },
      entity,
      ...objects,
      ...eventEls,
      ...agentEls,
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// The descriptive record and the documentation

function confidentialNumbers(p: ProtocolDTO): number[] {
  return p.paragraphs.filter((x) => x.isConfidential).map((x) => x.number);
}

function sekretessText(numbers: number[]): string {
  return numbers.length === 0
    ? "Inga paragrafer är sekretessmarkerade."
    : `Innehåller sekretessmarkerade paragrafer (§ ${numbers.join(", ")}), i sin helhet. Paketet är originalet för organisationens eget arkiv: pröva sekretessen (OSL) innan något lämnas ut.`;
}

function descriptiveRecord(input: EarkivInput, title: string) {
  const p = input.protocol;
  const numbers = confidentialNumbers(p);
  return xmlDocument(
    el(
      "beskrivning",
      {
        xmlns: "urn:paragraf:protokollbeskrivning:1",
        "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
        "xsi:schemaLocation": "urn:paragraf:protokollbeskrivning:1 ../../schemas/paragraf-beskrivning.xsd",
        version: "1",
      },
      el("handlingstyp", {}, "Protokoll"),
      el("titel", {}, title),
      el("organisation", {}, p.organisation.name),
      el("organ", {}, p.body.name),
      el("sammantradesdatum", {}, p.meeting.date),
      el("plats", {}, p.meeting.place),
      el("justerat", {}, p.meeting.adjustedOn ?? ""),
      p.notice && el("forvaringsplats", {}, p.notice.storagePlace),
      el("innehallshash", { algoritm: "SHA-256" }, input.contentHash),
      el("sekretess", { innehaller: numbers.length > 0 ? "true" : "false" }, sekretessText(numbers)),
      el(
        "undertecknare",
        {},
        ...p.signatures
          .filter((s) => s.signedAt)
          .map((s) =>
            el("person", { roll: signatureRoleTerms[s.role].word, signerat: s.signedAt ?? undefined }, s.name),
          ),
      ),
      el(
        "paragrafer",
        {},
        ...p.paragraphs.map((x) =>
          el(
            "paragraf",
            { nummer: x.number, sekretess: x.isConfidential ? "true" : "false" },
            el("rubrik", {}, x.title),
            x.caseNumber && el("dnr", {}, x.caseNumber),
          ),
        ),
      ),
      el("rattelser", { antal: input.corrections.length }),
    ),
  );
}

function documentation(input: EarkivInput, objid: string, title: string, files: ContentFile[]) {
  const numbers = confidentialNumbers(input.protocol);
  const lines = [
    `E-arkivpaket (SIP) från Paragraf: ${title}`,
    "",
    `Paket-id: ${objid}`,
    `Innehållshash (verifieringskod): ${input.contentHash}`,
    "",
    "SEKRETESS",
    sekretessText(numbers),
    "",
    "Struktur: E-ARK CSIP 2.2 / E-ARK SIP (Riksarkivets FGS Paketstruktur 2.0).",
    "METS.xml beskriver paketet; varje fil har kontrollsumma (SHA-256) i METS-filerna och i",
    "metadata/preservation/premis.xml, som också har händelserna ur Paragrafs händelselogg.",
    "",
    "Innehåll i representations/rep1/:",
    ...files.map((f) => `  ${f.path}  ${f.label}`),
    "  schemas/paragraf-protokoll.schema.json  JSON Schema för protokoll.json",
    "",
    "Originalet är data/protokoll.pdf. Den är förseglad (PAdES) och kan kontrolleras på",
    "organisationens sida Verifiera protokoll i Paragraf.",
    "",
  ];
  return utf8(lines.join("\n"));
}

// ---------------------------------------------------------------------------------------------

/** The latest instant the package shows: its creation date, so the same state gives the same package. */
function packageDate(input: EarkivInput): string {
  const instants = [
    input.meetingCreatedAt,
    input.original.createdAt,
    input.storedNotice?.createdAt,
    ...input.issuedCopies.map((c) => c.createdAt),
    ...input.attachments.map((a) => a.createdAt),
    ...input.corrections.map((c) => c.signedAt),
    ...input.protocol.signatures.map((s) => s.signedAt),
    input.noticeRevisedAt,
    ...input.audit.filter((a) => EVENT_TYPES[a.action]).map((a) => a.at),
  ].filter((x): x is string => !!x);
  return instants.reduce((a, b) => (a > b ? a : b));
}

export function objidFor(protocol: ProtocolDTO): string {
  return `paragraf-${protocol.meeting.slug}`;
}

export function buildEarkivPackage(input: EarkivInput): EarkivPackage {
  const p = input.protocol;
  if (p.meeting.status !== "ADJUSTED") throw new Error("Bara ett justerat protokoll kan arkiveras.");
  const objid = objidFor(p);
  const created = packageDate(input);
  const numbers = confidentialNumbers(p);
  const range =
    p.paragraphs.length === 0
      ? ""
      : p.paragraphs.length === 1
        ? `, § ${p.paragraphs[0]!.number}`
        : `, §§ ${p.paragraphs[0]!.number}–${p.paragraphs[p.paragraphs.length - 1]!.number}`;
  const title = `${p.organisation.name}, ${p.body.name}: protokoll ${p.meeting.date}${range}`;
  const label = numbers.length > 0 ? `${title} (innehåller sekretessmarkerade paragrafer)` : title;
  const header = {
    created,
    softwareVersion: input.softwareVersion,
    organisation: p.organisation.name,
    archivalCreator: `${p.organisation.name}, ${p.body.name}`,
  };

  const protocolJson = json({
    format: "paragraf-protokoll",
    version: 1,
    objid,
    innehallshash: input.contentHash,
    innehallshashSalt: input.contentHashSalt,
    sekretess: { innehallerSekretess: numbers.length > 0, paragrafer: numbers },
    protokoll: {
      ...p,
      // The organisation as the protocol names it; its settings for the public site are not part of the record.
      organisation: {
        name: p.organisation.name,
        caseNumberPrefix: p.organisation.caseNumberPrefix,
        caseNumberExample: p.organisation.caseNumberExample,
      },
      corrections: input.corrections,
      notice: p.notice ? { ...p.notice, revisedAt: input.noticeRevisedAt } : null,
    },
    rattelser: input.corrections,
  });
  const correctionsJson = json({ objid, rattelser: input.corrections });
  const content = contentFiles(input, protocolJson, correctionsJson, created);
  const repSchema = input.schemas[REPRESENTATION_SCHEMA];
  if (!repSchema) throw new Error(`Schemat ${REPRESENTATION_SCHEMA} saknas.`);

  // The representation's METS.
  const repMets = xmlDocument(
    metsRoot(
      `${objid}-rep1`,
      `${label}: representation 1`,
      "../../schemas/",
      header,
      el(
        "mets:fileSec",
        { ID: "filesec-rep1" },
        el(
          "mets:fileGrp",
          { ID: "filegrp-rep1-data", USE: "Data" },
          ...content.map((f) => metsFile(xmlId("file", f.path), f.path, f.bytes, f.mime, f.created)),
        ),
        el(
          "mets:fileGrp",
          { ID: "filegrp-rep1-schemas", USE: "Schemas" },
          metsFile(
            xmlId("file", `schemas/${REPRESENTATION_SCHEMA}`),
            `schemas/${REPRESENTATION_SCHEMA}`,
            repSchema,
            "application/schema+json",
            created,
          ),
        ),
      ),
      el(
        "mets:structMap",
        { ID: "structmap-rep1", TYPE: "PHYSICAL", LABEL: "CSIP" },
        el(
          "mets:div",
          { ID: "structmap-rep1-div", LABEL: `${objid}-rep1` },
          el(
            "mets:div",
            { ID: "structmap-rep1-data", LABEL: "Data" },
            el("mets:fptr", { FILEID: "filegrp-rep1-data" }),
          ),
          el(
            "mets:div",
            { ID: "structmap-rep1-schemas", LABEL: "Schemas" },
            el("mets:fptr", { FILEID: "filegrp-rep1-schemas" }),
          ),
        ),
      ),
    ),
  );

  const descriptive = descriptiveRecord(input, title);
  const premis = premisDocument(input, objid, content);
  const docs = documentation(input, objid, title, content);
  const rootSchemas = ROOT_SCHEMAS.map((name) => {
    const bytes = input.schemas[name];
    if (!bytes) throw new Error(`Schemat ${name} saknas.`);
    return { name, bytes };
  });

  const rootMets = xmlDocument(
    metsRoot(
      objid,
      label,
      "schemas/",
      header,
      el(
        "mets:dmdSec",
        { ID: "dmd-beskrivning", CREATED: created, STATUS: "CURRENT" },
        mdRef("metadata/descriptive/beskrivning.xml", descriptive, created, {
          MDTYPE: "OTHER",
          OTHERMDTYPE: "Paragraf protokollbeskrivning 1",
        }),
      ),
      el(
        "mets:amdSec",
        {},
        el(
          "mets:digiprovMD",
          { ID: "digiprov-premis", CREATED: created, STATUS: "CURRENT" },
          mdRef("metadata/preservation/premis.xml", premis, created, { MDTYPE: "PREMIS", MDTYPEVERSION: "3.0" }),
        ),
      ),
      el(
        "mets:fileSec",
        { ID: "filesec" },
        el(
          "mets:fileGrp",
          { ID: "filegrp-documentation", USE: "Documentation" },
          metsFile(xmlId("file", "documentation/LASMIG.txt"), "documentation/LASMIG.txt", docs, "text/plain", created),
        ),
        el(
          "mets:fileGrp",
          { ID: "filegrp-schemas", USE: "Schemas" },
          ...rootSchemas.map((s) =>
            metsFile(xmlId("file", `schemas/${s.name}`), `schemas/${s.name}`, s.bytes, "application/xml", created),
          ),
        ),
        el(
          "mets:fileGrp",
          {
            ID: "filegrp-rep1",
            USE: "Representations/rep1",
            "csip:CONTENTINFORMATIONTYPE": "OTHER",
            "csip:OTHERCONTENTINFORMATIONTYPE": CONTENT_INFORMATION_TYPE,
          },
          metsFile(
            xmlId("file", "representations/rep1/METS.xml"),
            "representations/rep1/METS.xml",
            repMets,
            "application/xml",
            created,
          ),
        ),
      ),
      el(
        "mets:structMap",
        { ID: "structmap-csip", TYPE: "PHYSICAL", LABEL: "CSIP" },
        el(
          "mets:div",
          { ID: "structmap-div", LABEL: objid },
          el("mets:div", {
            ID: "structmap-metadata",
            LABEL: "Metadata",
            DMDID: "dmd-beskrivning",
            ADMID: "digiprov-premis",
          }),
          el(
            "mets:div",
            { ID: "structmap-documentation", LABEL: "Documentation" },
            el("mets:fptr", { FILEID: "filegrp-documentation" }),
          ),
          el("mets:div", { ID: "structmap-schemas", LABEL: "Schemas" }, el("mets:fptr", { FILEID: "filegrp-schemas" })),
          el(
            "mets:div",
            { ID: "structmap-rep1", LABEL: "Representations/rep1" },
            el("mets:mptr", {
              LOCTYPE: "URL",
              "xlink:type": "simple",
              "xlink:href": "representations/rep1/METS.xml",
              "xlink:title": "filegrp-rep1",
            }),
          ),
        ),
      ),
    ),
  );

  const files: PackageFile[] = [
    { path: "METS.xml", bytes: rootMets },
    { path: "documentation/LASMIG.txt", bytes: docs },
    { path: "metadata/descriptive/beskrivning.xml", bytes: descriptive },
    { path: "metadata/preservation/premis.xml", bytes: premis },
    ...rootSchemas.map((s) => ({ path: `schemas/${s.name}`, bytes: s.bytes })),
    { path: "representations/rep1/METS.xml", bytes: repMets },
    ...content.map((f) => ({ path: `representations/rep1/${f.path}`, bytes: f.bytes })),
    { path: `representations/rep1/schemas/${REPRESENTATION_SCHEMA}`, bytes: repSchema },
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { objid, createdAt: created, files, containsConfidential: numbers.length > 0 };
}
