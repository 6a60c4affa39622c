"use server";

import { actionContext } from "@/server/action-context";
import { deleteAttachment, uploadAttachment } from "./attachment.mutations";
import * as mutations from "./paragraph.mutations";

export async function saveParagraphAction(input: unknown) {
  return mutations.saveParagraph(await actionContext(), input);
}

export async function addParagraphAction(input: unknown) {
  return mutations.addParagraph(await actionContext(), input);
}

export async function moveParagraphAction(input: unknown) {
  return mutations.moveParagraph(await actionContext(), input);
}

export async function reorderParagraphsAction(input: unknown) {
  return mutations.reorderParagraphs(await actionContext(), input);
}

export async function deleteParagraphAction(input: unknown) {
  return mutations.deleteParagraph(await actionContext(), input);
}

export async function uploadAttachmentAction(form: FormData) {
  return uploadAttachment(await actionContext(), {
    paragraphId: form.get("paragraphId"),
    label: form.get("label"),
    file: form.get("file"),
  });
}

export async function deleteAttachmentAction(input: unknown) {
  return deleteAttachment(await actionContext(), input);
}
