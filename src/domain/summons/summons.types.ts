/**
 * The kallelse as plain data: what the summons PDF, the workspace page, the mail and the public
 * kungörelse read. Built from AgendaItem rows on the meeting (src/modules/summons), never from
 * Prisma types. Public output gets it only through toPublicSummons (public.rules.ts).
 */

export interface SummonsDocumentDTO {
  id: string;
  title: string;
  fileName: string;
  /** "application/pdf" or the DOCX type. */
  mimeType: string;
  isConfidential: boolean;
}

export interface SummonsItemDTO {
  id: string;
  /** Its number in the ärendelista (AgendaItem.position). */
  number: number;
  title: string;
  /** Dnr as stored ("ITSAM 2021/8"). */
  caseNumber: string | null;
  responsible: string | null;
  /** Förslag till beslut: the intro and the att-clauses. */
  proposalIntro: string;
  proposalClauses: string[];
  isConfidential: boolean;
  /** Handlingar in their order. */
  documents: SummonsDocumentDTO[];
}

export type SummonsBodyKind = "FULLMAKTIGE" | "STYRELSE" | "NAMND" | "DIREKTION" | "UTSKOTT" | "BEREDNING";

export interface SummonsDTO {
  organisation: { name: string; caseNumberPrefix: string };
  body: { name: string; kind: SummonsBodyKind; summonsLeadDays: number };
  meeting: {
    id: string;
    slug: string;
    date: string;
    startTime: string | null;
    endTime: string | null;
    place: string;
    /** ISO instant of the last sending; null: not sent. */
    summonsSentAt: string | null;
    agendaVersion: number;
  };
  /** The ärendelista in order, extra ärenden (added at the meeting) left out. */
  items: SummonsItemDTO[];
}

/** What a confidential ärende is called in public output. */
export const CONFIDENTIAL_ITEM_TITLE = "Sekretessbelagt ärende";
