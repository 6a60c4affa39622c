"use server";

// The agenda's form actions (they work without JavaScript): each calls its mutation with the
// session user and either goes on to the page named by `returnTo` or gives the form back what was
// typed with the Swedish failure.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formField } from "@/lib/form-state";
import type { ActionResult } from "@/server/action";
import { actionContext } from "@/server/action-context";
import type { AgendaFormState } from "./agenda.form-state";
import * as mutations from "./agenda.mutations";

/** A path inside the app to go on to; anything else (another site) becomes the start page. */
function safeReturn(form: FormData, fallback: string): string {
  const to = formField(form, "returnTo");
  return /^\/(?![/\\])[^\s]*$/.test(to) ? to : fallback;
}

function textValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !k.startsWith("$")) values[k] = v;
  return values;
}

function finish<T>(result: ActionResult<T>, form: FormData, next: (data: T) => string): AgendaFormState {
  if (!result.ok) return { status: "failed", failure: result, values: textValues(form) };
  const to = next(result.data);
  revalidatePath("/", "layout");
  redirect(to);
}

const int = (form: FormData, name: string) => Number(formField(form, name));

export async function createItemFormAction(_prev: AgendaFormState, form: FormData): Promise<AgendaFormState> {
  const meetingId = formField(form, "meetingId");
  const isExtra = formField(form, "isExtra") === "on";
  const result = await mutations.createAgendaItem(await actionContext(), {
    bodyId: formField(form, "bodyId"),
    meetingId: meetingId === "" ? null : meetingId,
    title: formField(form, "title"),
    caseNumber: formField(form, "caseNumber"),
    isExtra,
  });
  // An extra ärende is added at the meeting: back to the page it was added on (till-protokoll).
  return finish(result, form, (d) =>
    isExtra
      ? safeReturn(form, `/arenden/${encodeURIComponent(d.id)}`)
      : `/arenden/${encodeURIComponent(d.id)}?klart=skapat`,
  );
}

export async function updateItemFormAction(_prev: AgendaFormState, form: FormData): Promise<AgendaFormState> {
  const itemId = formField(form, "itemId");
  const result = await mutations.updateAgendaItem(await actionContext(), {
    itemId,
    version: int(form, "version"),
    title: formField(form, "title"),
    caseNumber: formField(form, "caseNumber"),
    responsible: formField(form, "responsible"),
    proposalIntro: formField(form, "proposalIntro"),
    proposalClauses: formField(form, "proposalClauses").split(/\r?\n/),
    isConfidential: form.get("isConfidential") === "on",
  });
  return finish(result, form, () => `/arenden/${encodeURIComponent(itemId)}?klart=sparat`);
}

export async function moveItemFormAction(_prev: AgendaFormState, form: FormData): Promise<AgendaFormState> {
  const meetingId = formField(form, "meetingId");
  const result = await mutations.moveAgendaItem(await actionContext(), {
    itemId: formField(form, "itemId"),
    version: int(form, "version"),
    meetingId: meetingId === "" ? null : meetingId,
  });
  return finish(result, form, () => safeReturn(form, "/"));
}

export async function reorderFormAction(_prev: AgendaFormState, form: FormData): Promise<AgendaFormState> {
  const direction = formField(form, "direction");
  const result = await mutations.reorderAgenda(await actionContext(), {
    meetingId: formField(form, "meetingId"),
    agendaVersion: int(form, "agendaVersion"),
    itemId: formField(form, "itemId"),
    direction: direction === "up" || direction === "down" ? direction : undefined,
  });
  return finish(result, form, () => safeReturn(form, "/"));
}

export async function deleteItemFormAction(_prev: AgendaFormState, form: FormData): Promise<AgendaFormState> {
  const result = await mutations.deleteAgendaItem(await actionContext(), {
    itemId: formField(form, "itemId"),
    version: int(form, "version"),
  });
  return finish(result, form, () => safeReturn(form, "/"));
}

export async function uploadDocumentFormAction(_prev: AgendaFormState, form: FormData): Promise<AgendaFormState> {
  const itemId = formField(form, "itemId");
  const result = await mutations.uploadAgendaDocument(await actionContext(), {
    itemId,
    title: formField(form, "title"),
    isConfidential: form.get("isConfidential") === "on",
    file: form.get("file"),
  });
  return finish(result, form, () => `/arenden/${encodeURIComponent(itemId)}?klart=handling#handlingar`);
}

export async function deleteDocumentFormAction(_prev: AgendaFormState, form: FormData): Promise<AgendaFormState> {
  const result = await mutations.deleteAgendaDocument(await actionContext(), {
    documentId: formField(form, "documentId"),
  });
  return finish(result, form, (d) => `/arenden/${encodeURIComponent(d.itemId)}#handlingar`);
}

export async function moveDocumentFormAction(_prev: AgendaFormState, form: FormData): Promise<AgendaFormState> {
  const direction = formField(form, "direction") === "up" ? "up" : "down";
  const result = await mutations.moveAgendaDocument(await actionContext(), {
    documentId: formField(form, "documentId"),
    direction,
  });
  return finish(result, form, (d) => `/arenden/${encodeURIComponent(d.itemId)}#handlingar`);
}

export async function importFormAction(_prev: AgendaFormState, form: FormData): Promise<AgendaFormState> {
  const itemId = formField(form, "itemId");
  const result = await mutations.importTjansteskrivelse(await actionContext(), {
    itemId,
    version: int(form, "version"),
    file: form.get("file"),
  });
  return finish(result, form, (d) => {
    const what = d.proposal ? `importerat-${d.proposal.clauses}` : "importerat-utan-forslag";
    return `/arenden/${encodeURIComponent(itemId)}?klart=${what}`;
  });
}
