// A historical protocol as plain data: justerat on paper before the organisation used Paragraf,
// registered afterwards with its scanned PDF (prisma/schema.prisma, HistoricalProtocol).
import type { IsoDate } from "@/lib/iso-date";

/** One § as the registrar typed it (for search; the PDF is the record). */
export interface HistoricalParagraphDTO {
  number: number;
  title: string;
  caseNumber: string | null;
}

export interface HistoricalProtocolDTO {
  id: string;
  slug: string;
  organisation: { name: string };
  body: { name: string; slug: string };
  meetingDate: IsoDate;
  title: string;
  description: string | null;
  firstNumber: number | null;
  lastNumber: number | null;
  adjustedOn: IsoDate;
  postedOn: IsoDate;
  takeDownOn: IsoDate | null;
  fileName: string;
  /** SHA-256 of the PDF's bytes, hex: its ETag, and what /verifiera matches. */
  sha256: string;
  sizeBytes: number;
  isPublic: boolean;
  /** Who registered it: the workspace shows it, the public does not. */
  registeredByUserId: string | null;
  registeredByName: string | null;
  /** When it was registered (server clock), ISO instant. */
  registeredAt: string;
  paragraphs: HistoricalParagraphDTO[];
}
