"use server";

// Form actions of the bodies and organisation pages (they work without JavaScript).
import { revalidatePath, updateTag } from "next/cache";
import { actionContext } from "@/server/action-context";
import type { AdminFormState } from "./admin.form-state";
import * as mutations from "./bodies.mutations";
import { answerOrOpen, formAnswer, readForm as read } from "./form-answer";

const BODY_FIELDS = ["name", "genitiveName", "kind", "seatCount", "parentBodyId"] as const;

export async function createBodyFormAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const result = await mutations.createBody(await actionContext(), read(form, ["organisationId", ...BODY_FIELDS]));
  return answerOrOpen(prev, form, result, "/", (body) => `/admin/organ/${body.slug}?skapat=1`);
}

export async function updateBodyFormAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const result = await mutations.updateBody(
    await actionContext(),
    read(
      form,
      ["bodyId", ...BODY_FIELDS, "decisionPlacement", "summonsLeadDays"],
      ["appendedAttendanceList", "liveSelfVoting"],
    ),
  );
  if (result.ok) revalidatePath("/", "layout");
  return formAnswer(prev, form, result, "Organets uppgifter är sparade.");
}

export async function setCallOrderFormAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const result = await mutations.setCallOrder(await actionContext(), read(form, ["membershipId", "callOrder"]));
  return formAnswer(prev, form, result, "Ersättarordningen är sparad.");
}

export async function updateOrganisationFormAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const result = await mutations.updateOrganisation(
    await actionContext(),
    read(
      form,
      [
        "organisationId",
        "name",
        "storagePlace",
        "noticeBoard",
        "noticeWording",
        "noticeCertifier",
        "caseNumberExample",
        "publicNamesYears",
      ],
      ["noindexAfterAppeal"],
    ),
  );
  if (result.ok) {
    revalidatePath("/", "layout");
    // The public copies follow the names and noindex rules at once.
    updateTag("public");
  }
  return formAnswer(prev, form, result, "Organisationens uppgifter är sparade. Nya anslag får dem vid justeringen.");
}
