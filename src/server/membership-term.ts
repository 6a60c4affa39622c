// A seat (Membership) as the admin pages and the open data both read it: the role and the term,
// the term's days as ISO dates. Each caller adds the ids and relations it needs.
import type { Prisma } from "@/generated/prisma/client";
import type { BodyPosition, MembershipRole } from "@/domain/protocol/protocol.types";
import { type IsoDate, isoDateOf } from "@/lib/iso-date";

export const membershipTermSelect = {
  role: true,
  position: true,
  represents: true,
  termStart: true,
  termEnd: true,
  hasVotingRight: true,
} satisfies Prisma.MembershipSelect;

export interface MembershipTerm {
  role: MembershipRole;
  position: BodyPosition | null;
  /** Municipality or party represented. */
  represents: string;
  termStart: IsoDate;
  termEnd: IsoDate;
  hasVotingRight: boolean;
}

export function toMembershipTerm(
  m: Prisma.MembershipGetPayload<{ select: typeof membershipTermSelect }>,
): MembershipTerm {
  return {
    role: m.role,
    position: m.position,
    represents: m.represents,
    termStart: isoDateOf(m.termStart),
    termEnd: isoDateOf(m.termEnd),
    hasVotingRight: m.hasVotingRight,
  };
}
