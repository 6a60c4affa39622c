// The protocol as it stands on screen (what is typed, not only what is saved), for the live
// checks and the participation shown in each §. Pure: built from the editor's state.
import { parseParagraphRanges } from "@/lib/paragraph-ranges";
import type { AttendanceDTO, ParagraphDTO, ProtocolDTO } from "@/domain/protocol/protocol.types";
import { toParagraphDTO } from "@/modules/drafting/paragraph.content";
import type { ParagraphContentInput } from "@/modules/drafting/paragraph.schema";
import type { EditorState } from "./editor-store";

function parsedRanges(text: string) {
  const parsed = text.trim() === "" ? { ok: true as const, ranges: [] } : parseParagraphRanges(text);
  return parsed.ok ? parsed.ranges : [];
}

/** The attendance list as typed. */
export function liveAttendance(rows: EditorState["attendance"], names: ReadonlyMap<string, string>): AttendanceDTO[] {
  return rows.map((r, i) => ({
    personId: r.personId || `ny-${i}`,
    name: r.personId ? (names.get(r.personId) ?? r.name) : r.name,
    role: r.role,
    represents: r.represents || null,
    title: r.title || null,
    ranges: parsedRanges(r.ranges),
    replacesPersonId: r.replacesPersonId || null,
    arrivalTime: r.arrivalTime || null,
    departureTime: r.departureTime || null,
  }));
}

/**
 * Builds live protocols, keeping each §'s DTO while its content (and the names it was built with)
 * is unchanged, so an unchanged § is the same object from one build to the next (what the
 * incremental checker keys on).
 */
export function createLiveProtocolBuilder() {
  let cache = new WeakMap<ParagraphContentInput, ParagraphDTO>();
  let cachedNames: ReadonlyMap<string, string> | null = null;
  const paragraph = (
    base: ParagraphDTO,
    content: ParagraphContentInput | undefined,
    names: ReadonlyMap<string, string>,
  ) => {
    if (!content) return base;
    const hit = cache.get(content);
    if (hit && hit.id === base.id && hit.number === base.number && hit.attachments === base.attachments) return hit;
    const dto = toParagraphDTO(base, content, names);
    cache.set(content, dto);
    return dto;
  };
  return (protocol: ProtocolDTO, state: EditorState, names: ReadonlyMap<string, string>): ProtocolDTO => {
    if (names !== cachedNames) {
      cache = new WeakMap();
      cachedNames = names;
    }
    const { header, signerRows, contents } = state;
    return {
      ...protocol,
      meeting: {
        ...protocol.meeting,
        date: header.date,
        startTime: header.startTime || null,
        endTime: header.endTime || null,
        place: header.place,
        adjustmentPlace: header.adjustmentPlace || null,
        adjustmentDate: header.adjustmentDate || null,
        adjustmentTime: header.adjustmentTime || null,
      },
      secretary: header.secretaryPersonId
        ? { personId: header.secretaryPersonId, name: names.get(header.secretaryPersonId) ?? "" }
        : null,
      adjusters: header.adjusterPersonIds.filter(Boolean).map((id) => ({ personId: id, name: names.get(id) ?? "" })),
      signers: signerRows
        .filter((r) => r.personId)
        .map((r) => ({
          personId: r.personId,
          name: names.get(r.personId) ?? "",
          role: r.role,
          ranges: parsedRanges(r.ranges),
        })),
      attendance: liveAttendance(state.attendance, names),
      paragraphs: protocol.paragraphs.map((p) => paragraph(p, contents[p.id], names)),
    };
  };
}
