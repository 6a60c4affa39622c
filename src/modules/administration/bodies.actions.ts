"use server";

// Form actions of the bodies and organisation pages (they work without JavaScript).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actionContext } from "@/server/action-context";
import type { AdminFormState } from "./admin.form-state";
import * as mutations from "./bodies.mutations";
import { formAnswer, formText as text } from "./form-answer";

const bodyFields = (form: FormData) => ({
  name: text(form, "name"),
  genitiveName: text(form, "genitiveName"),
  kind: text(form, "kind"),
  seatCount: text(form, "seatCount"),
  parentBodyId: text(form, "parentBodyId"),
});

export async function createBodyFormAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const result = await mutations.createBody(await actionContext(), {
    organisationId: text(form, "organisationId"),
    ...bodyFields(form),
  });
  if (!result.ok) return formAnswer(prev, form, result, "");
  revalidatePath("/", "layout");
  redirect(`/admin/organ/${result.data.slug}?skapat=1`);
}

export async function updateBodyFormAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const result = await mutations.updateBody(await actionContext(), {
    bodyId: text(form, "bodyId"),
    ...bodyFields(form),
    decisionPlacement: text(form, "decisionPlacement"),
    appendedAttendanceList: form.get("appendedAttendanceList") === "on",
  });
  if (result.ok) revalidatePath("/", "layout");
  return formAnswer(prev, form, result, "Organets uppgifter är sparade.");
}

export async function setCallOrderFormAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const result = await mutations.setCallOrder(await actionContext(), {
    membershipId: text(form, "membershipId"),
    callOrder: text(form, "callOrder"),
  });
  return formAnswer(prev, form, result, "Ersättarordningen är sparad.");
}

export async function updateOrganisationFormAction(prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  const result = await mutations.updateOrganisation(await actionContext(), {
    organisationId: text(form, "organisationId"),
    name: text(form, "name"),
    storagePlace: text(form, "storagePlace"),
    noticeBoard: text(form, "noticeBoard"),
    noticeWording: text(form, "noticeWording"),
    noticeCertifier: text(form, "noticeCertifier"),
    caseNumberExample: text(form, "caseNumberExample"),
  });
  if (result.ok) revalidatePath("/", "layout");
  return formAnswer(prev, form, result, "Organisationens uppgifter är sparade. Nya anslag får dem vid justeringen.");
}
