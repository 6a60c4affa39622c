"use server";

// The templates' form actions (they work without JavaScript): each calls its mutation with the
// session user and goes on to the page, or gives the form back its values with the Swedish refusal.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { RichDoc } from "@/domain/protocol/protocol.types";
import { fromPlainText, toPlainText } from "@/domain/richtext/richtext.text";
import { sectionKindHeading } from "@/domain/vocabulary";
import { formField } from "@/lib/form-state";
import type { ActionResult } from "@/server/action";
import { actionContext } from "@/server/action-context";
import type { TemplateFormState } from "./templates.form-state";
import * as mutations from "./templates.mutations";

const MAX_SECTIONS = 31;

/** A JSON field the editor wrote; anything unreadable is handed on for the schema to refuse. */
function json(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * One section of the form: the rich-text editor's document (JavaScript), or the plain text of the
 * textarea (none) — which keeps the stored document as it was when the text is left unchanged.
 */
function sectionContent(form: FormData, n: number): unknown {
  const written = formField(form, `sections.${n}.content`);
  if (written !== "") return json(written);
  const text = formField(form, `sections.${n}.text`);
  const original = formField(form, `sections.${n}.original`);
  if (original !== "") {
    const doc = json(original) as RichDoc;
    if (doc && Array.isArray(doc.content) && toPlainText(doc) === text.replace(/\r\n?/g, "\n").trim()) return doc;
  }
  return fromPlainText(text);
}

/** The section kind a heading names (the §'s standard headings), else OTHER. */
function kindOf(heading: string) {
  const found = Object.entries(sectionKindHeading).find(([kind, h]) => kind !== "OTHER" && h === heading.trim());
  return (found?.[0] ?? "OTHER") as keyof typeof sectionKindHeading;
}

/** The template's fields as the schema reads them; a section with neither heading nor text is left out. */
function content(form: FormData) {
  const count = Math.min(Number(formField(form, "sectionCount")) || 0, MAX_SECTIONS);
  const sections = Array.from({ length: count }, (_, n) => ({
    kind: kindOf(formField(form, `sections.${n}.heading`)),
    heading: formField(form, `sections.${n}.heading`),
    content: sectionContent(form, n),
  })).filter((s) => {
    const doc = s.content as RichDoc;
    const empty = typeof doc === "object" && doc !== null && Array.isArray(doc.content) && doc.content.length === 0;
    return s.heading.trim() !== "" || !empty;
  });
  return {
    title: formField(form, "title"),
    decision: {
      intro: formField(form, "decisionIntro"),
      clauses: formField(form, "decisionClauses").split(/\r?\n/),
    },
    sections,
    isOpening: form.get("isOpening") === "on",
  };
}

function values(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !k.startsWith("$")) out[k] = v;
  return out;
}

/** Success: on to `to` (the page shows it anew); failure: the form again, with what was typed. */
function answer<T>(result: ActionResult<T>, form: FormData, to: (data: T) => string): TemplateFormState {
  if (!result.ok) {
    return {
      ok: false,
      message: result.message,
      fieldErrors: result.code === "VALIDATION" ? result.fieldErrors : {},
      ...(result.code === "CONFLICT" ? { currentVersion: (result.current as { version: number }).version } : {}),
      values: values(form),
    };
  }
  revalidatePath("/", "layout");
  redirect(to(result.data));
}

const page = (form: FormData) => `/organ/${encodeURIComponent(formField(form, "bodySlug"))}/mallar`;

export async function saveTemplateFormAction(_prev: TemplateFormState, form: FormData): Promise<TemplateFormState> {
  const templateId = formField(form, "templateId");
  const result = templateId
    ? await mutations.updateTemplate(await actionContext(), {
        ...content(form),
        templateId,
        version: Number(formField(form, "version")),
      })
    : await mutations.createTemplate(await actionContext(), { ...content(form), bodyId: formField(form, "bodyId") });
  return answer(result, form, (d) => `${page(form)}?klart=${templateId ? "sparad" : "skapad"}#mall-${d.id}`);
}

/** One row of the list: "up", "down" or "delete", by the button pressed. */
export async function templateRowFormAction(_prev: TemplateFormState, form: FormData): Promise<TemplateFormState> {
  const templateId = formField(form, "templateId");
  const op = formField(form, "op");
  const ctx = await actionContext();
  if (op === "delete") {
    return answer(await mutations.deleteTemplate(ctx, { templateId }), form, () => `${page(form)}?klart=borttagen`);
  }
  return answer(
    await mutations.moveTemplate(ctx, { templateId, direction: op }),
    form,
    () => `${page(form)}#mall-${templateId}`,
  );
}

/** The template picker: a § from the chosen template, last in the meeting; then the editor at it. */
export async function addFromTemplateFormAction(_prev: TemplateFormState, form: FormData): Promise<TemplateFormState> {
  const result = await mutations.addParagraphFromTemplate(await actionContext(), {
    meetingId: formField(form, "meetingId"),
    templateId: formField(form, "templateId"),
  });
  const slug = encodeURIComponent(formField(form, "slug"));
  return answer(result, form, (d) => `/moten/${slug}/redigera#paragraf-${d.number}`);
}
