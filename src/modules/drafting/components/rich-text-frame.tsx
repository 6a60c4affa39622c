"use client";
// The frame of a rich-text field, shared by the rendered text (rich-text-editor.tsx) and the live
// TipTap editor (rich-text-live.tsx), so that the swap from one to the other moves nothing: the
// label, the toolbar, the hint shown while the field has focus, and the content's typography.
import type { Editor } from "@tiptap/core";
import type { ReactNode, Ref } from "react";
import { NO_EDITOR, RichTextToolbar, type ToolbarState } from "./rich-text-toolbar";

export const contentClass = [
  "[&_p]:my-2 [&_td_p]:my-0 [&_th_p]:my-0",
  "[&_h3]:mt-4 [&_h3]:mb-1 [&_h3]:text-lg [&_h3]:font-semibold [&_h4]:mt-3 [&_h4]:mb-1 [&_h4]:font-semibold",
  "[&_ul]:my-2 [&_ul]:list-disc [&_ul]:pl-6 [&_ul_ul]:my-0 [&_ul_ul]:list-[circle]",
  "[&_table]:my-3 [&_table]:border-collapse",
  "[&_td]:min-w-16 [&_td]:border [&_td]:border-slate-500 [&_td]:px-2 [&_td]:py-1 [&_td]:align-top",
  "[&_th]:min-w-16 [&_th]:border [&_th]:border-slate-500 [&_th]:bg-slate-100 [&_th]:px-2 [&_th]:py-1 [&_th]:text-left [&_th]:align-top [&_th]:font-semibold",
  "[&_.selectedCell]:bg-sky-100",
].join(" ");

/** The classes of the textbox itself (the rendered text's and the editor's). */
export const textboxClass = "min-h-32 px-3 py-2 focus-visible:outline-3 focus-visible:outline-brand";

/** The field around the text: its label, the toolbar, and the hint shown while it has focus. */
export function FieldFrame({
  id,
  label,
  disabled,
  editor = null,
  toolbarState = NO_EDITOR,
  toolbarRef,
  children,
}: {
  id: string;
  label: string;
  disabled: boolean;
  editor?: Editor | null;
  toolbarState?: ToolbarState;
  toolbarRef?: Ref<HTMLDivElement>;
  children: ReactNode;
}) {
  return (
    <div className="group/rte">
      <div id={`${id}-label`} className="mb-1 font-semibold">
        {label}
      </div>
      <div className={`rounded border border-slate-500 ${disabled ? "bg-slate-50" : "bg-white"}`}>
        <RichTextToolbar
          editor={editor}
          state={toolbarState}
          label={label}
          disabled={disabled}
          toolbarRef={toolbarRef}
        />
        {children}
      </div>
      {/* Shown while the field has focus; its line is kept (invisible, not removed) so nothing
          below moves when focus leaves: a click on a button under the field would otherwise
          land where the button was a moment before (mousedown blurs, the layout shifts). */}
      <p id={`${id}-hint`} className="invisible mt-1 text-sm text-muted group-focus-within/rte:visible">
        Tabb flyttar mellan tabellceller. Esc flyttar till verktygsfältet.
      </p>
    </div>
  );
}
