// A meeting's time and place (its id and slug, the day, start and end, the place) as the kallelse,
// the members' view and the calendar feed read it: the select and the mapping, the day as an ISO
// date. Each caller adds what else it needs.
import type { Prisma } from "@/generated/prisma/client";
import { type IsoDate, isoDateOf } from "@/lib/iso-date";

export const meetingSlotSelect = {
  id: true,
  slug: true,
  date: true,
  startTime: true,
  endTime: true,
  place: true,
} as const satisfies Prisma.MeetingSelect;

export interface MeetingSlot {
  id: string;
  slug: string;
  date: IsoDate;
  /** "HH:MM", or null when not set. */
  startTime: string | null;
  endTime: string | null;
  place: string;
}

export function toMeetingSlot(m: Prisma.MeetingGetPayload<{ select: typeof meetingSlotSelect }>): MeetingSlot {
  return {
    id: m.id,
    slug: m.slug,
    date: isoDateOf(m.date),
    startTime: m.startTime,
    endTime: m.endTime,
    place: m.place,
  };
}
