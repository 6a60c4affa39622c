// The public projection fails closed at compile time: its policies list every field of every DTO,
// so a field added to a DTO is a type error until someone decides what the public gets of it.
// The `@ts-expect-error` lines are the test: tsc (npm test runs it over test files) fails when
// one of them stops being an error, i.e. when a policy would accept a DTO with an unlisted field.
import { describe, expect, it } from "vitest";
import type { AttendanceDTO, CorrectionDTO, ParagraphDTO, ProtocolDTO } from "@/domain/protocol/protocol.types";
import { fullProtocol } from "./full-protocol.fixture";
import {
  CONFIDENTIAL_CORRECTION,
  CONFIDENTIAL_PARAGRAPH,
  PUBLIC_ATTENDANCE,
  PUBLIC_CORRECTION,
  PUBLIC_PARAGRAPH,
  publicProtocolPolicy,
  toPublicProtocol,
  type FieldPolicy,
} from "./public.rules";

/** The day the public copies are made on: before any names rule of the fixtures applies. */
const TODAY = "2026-12-05";

type WithNewField<T> = T & { newField: string };

// Today's DTOs: the policies fit.
const paragraphPolicies: FieldPolicy<ParagraphDTO>[] = [PUBLIC_PARAGRAPH, CONFIDENTIAL_PARAGRAPH];

// A field added to a DTO: every policy for it stops compiling.
// @ts-expect-error ParagraphDTO gained a field the public policy does not list
const openParagraph: FieldPolicy<WithNewField<ParagraphDTO>> = PUBLIC_PARAGRAPH;
// @ts-expect-error ParagraphDTO gained a field the confidential policy does not list
const confidentialParagraph: FieldPolicy<WithNewField<ParagraphDTO>> = CONFIDENTIAL_PARAGRAPH;
// @ts-expect-error AttendanceDTO gained a field
const attendance: FieldPolicy<WithNewField<AttendanceDTO>> = PUBLIC_ATTENDANCE;
// @ts-expect-error CorrectionDTO gained a field
const correction: FieldPolicy<WithNewField<CorrectionDTO>> = PUBLIC_CORRECTION;
// @ts-expect-error CorrectionDTO gained a field (the confidential case)
const confidentialCorrection: FieldPolicy<WithNewField<CorrectionDTO>> = CONFIDENTIAL_CORRECTION;
// @ts-expect-error ProtocolDTO gained a field
const protocol: FieldPolicy<WithNewField<ProtocolDTO>> = publicProtocolPolicy({ paragraphs: [] });
// @ts-expect-error the meeting (nested in ProtocolDTO) gained a field: the protocol policy stops fitting
const meeting: FieldPolicy<Omit<ProtocolDTO, "meeting"> & { meeting: WithNewField<ProtocolDTO["meeting"]> }> =
  publicProtocolPolicy({ paragraphs: [] });
// An optional field is no excuse: leaving out `corrections` does not compile either.
const { corrections: correctionsPolicy, ...allButCorrections } = publicProtocolPolicy({ paragraphs: [] });
// @ts-expect-error corrections not listed
const withoutCorrections: FieldPolicy<ProtocolDTO> = allButCorrections;

describe("the public policies", () => {
  it("are the ones the projection uses (the type fixtures above name real objects)", () => {
    expect(
      [
        openParagraph,
        confidentialParagraph,
        attendance,
        correction,
        confidentialCorrection,
        protocol,
        meeting,
        withoutCorrections,
        correctionsPolicy,
      ].every(Boolean),
    ).toBe(true);
    expect(paragraphPolicies).toHaveLength(2);
  });

  it("drop at run time a key that is not in the DTO type (a field the policy does not list)", () => {
    const p = fullProtocol() as ProtocolDTO;
    const smuggled = { ...p, extra: "top" } as ProtocolDTO;
    (smuggled.paragraphs[0] as ParagraphDTO & { secret?: string }).secret = "inside a §";
    (smuggled.attendance[0] as AttendanceDTO & { email?: string }).email = "a@b.se";
    const json = JSON.stringify(toPublicProtocol(smuggled, TODAY));
    expect(json).not.toContain("top");
    expect(json).not.toContain("inside a §");
    expect(json).not.toContain("a@b.se");
  });
});
