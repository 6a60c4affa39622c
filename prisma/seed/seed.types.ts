import type { BodyKind, MembershipRole, ProtocolDTO } from "../../src/domain/protocol/protocol.types";

/**
 * The shape of demo data. Person references inside `meetings` (personId fields) hold person
 * `key`s; the loader maps them to database ids.
 */
export interface SeedPerson {
  key: string;
  name: string;
  email: string | null;
}

export interface SeedMembership {
  personKey: string;
  role: MembershipRole;
  position: "CHAIR" | "VICE_CHAIR" | null;
  /** Municipality or party represented, e.g. "Vimmerby kommun". */
  represents: string;
  termStart: string;
  termEnd: string;
  hasVotingRight: boolean;
}

export interface SeedBody {
  slug: string;
  name: string;
  genitiveName: string;
  kind: BodyKind;
  seatCount: number;
  memberships: SeedMembership[];
}

export interface SeedUser {
  email: string;
  name: string;
  /** Demo password, for local use only (documented in README). */
  password: string;
  personKey: string | null;
  isAdmin: boolean;
  bodyRoles: { bodySlug: string; role: "SECRETARY" | "MEMBER" }[];
}

export interface SeedData {
  organisation: {
    name: string;
    slug: string;
    kind: "KOMMUNALFORBUND" | "KOMMUN";
    caseNumberPrefix: string;
  };
  bodies: SeedBody[];
  people: SeedPerson[];
  users: SeedUser[];
  meetings: ProtocolDTO[];
}
