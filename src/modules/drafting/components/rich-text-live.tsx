"use client";
// The live TipTap editor of a rich-text field, loaded only when a field is first edited (a dynamic
// import from rich-text-editor.tsx): the page's first paint and hydration never wait for TipTap,
// and only the fields being edited have an editor (each ProseMirror view listens to the document's
// selection changes; a hundred of them made every key slower). The editor's schema holds only what
// RichDoc holds (so pasted HTML from Word or the web is fitted into it by ProseMirror's parser) and
// every change is emitted as a clean RichDoc (toRichDoc). Never HTML.
import type { RichDoc } from "@/domain/protocol/protocol.types";
import { Heading } from "@tiptap/extension-heading";
import { ListItem } from "@tiptap/extension-list";
import { Table, TableCell, TableHeader, TableRow } from "@tiptap/extension-table";
import { TextAlign } from "@tiptap/extension-text-align";
import { EditorContent, useEditor } from "@tiptap/react";
import { Selection, TextSelection } from "@tiptap/pm/state";
import { StarterKit } from "@tiptap/starter-kit";
import { startTransition, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { Editor } from "@tiptap/core";
import { fromRichDoc, richDocKey, toRichDoc } from "@/domain/richtext/tiptap-normalise";
import { fitPastedHtml } from "./paste-html";
import { Redacted } from "./redacted-mark";
import { contentClass, FieldFrame, textboxClass } from "./rich-text-frame";
import { useToolbarState } from "./rich-text-toolbar-state";
import { holdEdit } from "@/modules/drafting/editor/held-edits";
import type { RichTextEditorProps } from "./rich-text-editor";

const extensions = [
  StarterKit.configure({
    blockquote: false,
    code: false,
    codeBlock: false,
    heading: false,
    horizontalRule: false,
    link: false,
    listItem: false,
    orderedList: false,
    strike: false,
    trailingNode: false,
    underline: false,
  }),
  // Sub-headings are levels 3 and 4; pasted h1–h2 become 3, h5–h6 become 4.
  Heading.extend({
    parseHTML() {
      return [1, 2, 3, 4, 5, 6].map((level) => ({ tag: `h${level}`, attrs: { level: level <= 3 ? 3 : 4 } }));
    },
  }).configure({ levels: [3, 4] }),
  // RichDoc list items hold paragraphs and nested lists; table cells hold paragraphs.
  ListItem.extend({ content: "paragraph (paragraph | bulletList)*" }),
  Table.configure({ resizable: false }),
  TableRow,
  TableHeader.extend({ content: "paragraph+", addAttributes: withoutAlign }),
  TableCell.extend({ content: "paragraph+", addAttributes: withoutAlign }),
  TextAlign.configure({ types: ["paragraph"], alignments: ["left", "center", "right"] }),
  Redacted,
];

/** Table cells without TipTap's own `align` attribute: alignment lives on the paragraphs. */
function withoutAlign(this: { parent?: (() => Record<string, unknown>) | null }) {
  const attrs = { ...this.parent?.() };
  delete attrs.align;
  return attrs;
}

/**
 * How long the focus must have been outside a live editor (its text and toolbar) before it gives
 * way to the rendered text again (RichTextEditor), so that a long session does not gather editors,
 * each of them listening to the document's selection changes. Its text is already emitted; only the
 * undo history goes.
 */
export const UNMOUNT_AFTER_MS = 20_000;

/**
 * When a change in the live editor is told to its § (the walk of the whole document into a RichDoc,
 * the §'s render, and after them the checker, the preview, the outline and the autosave): in the
 * idle time once typing has paused for EMIT_AFTER_PAUSE_MS, as a plain field's § does that work
 * once its typing pauses. Not after each key, nor every second while typing goes on: that work
 * (about 10 ms for a long §, a save a second later) then lands when a key comes and delays it
 * (issue 16: the editor benchmark's rich-text p95 was 11–12 ms above a plain input with a
 * one-second maximum, 5–8 ms without it). Nothing is lost by waiting: leaving the field, the page
 * or saving the § emits at once (releaseHeldEdits); only a crash of the browser in the middle of
 * unbroken typing loses that run of keys.
 */
export const EMIT_AFTER_PAUSE_MS = 300;

/** How the editor starts: with the focus or not, the caret where the text was clicked, keys typed meanwhile. */
export interface LiveStart {
  focus: boolean;
  /** The point clicked in the rendered text (viewport coordinates), or null: the caret at the end. */
  at: { x: number; y: number } | null;
  /** Text typed while the editor's code was loading ("\n" for Enter), inserted at the caret. */
  typed: string;
  /** What was pasted meanwhile, pasted as if into the editor (the same fitting of Word's HTML). */
  pasted: { html: string; text: string }[];
}

/** Inserts typed text at the selection, a new paragraph for each "\n". */
function insertTyped(editor: Editor, typed: string) {
  typed.split("\n").forEach((line, i) => {
    if (i > 0) editor.commands.splitBlock();
    if (line) editor.view.dispatch(editor.state.tr.insertText(line));
  });
}

export function LiveRichTextEditor({
  id,
  label,
  value,
  onChange,
  describedBy,
  disabled = false,
  start,
  onIdle,
}: RichTextEditorProps & { start: LiveStart; onIdle?: () => void }) {
  const labelId = `${id}-label`;
  const hintId = `${id}-hint`;
  const toolbarRef = useRef<HTMLDivElement>(null);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);
  /** The document the editor last emitted or was given, to tell our own echo from outside changes. */
  const lastDoc = useRef<RichDoc>(value);
  const [initialContent] = useState(() => fromRichDoc(value));

  const editorProps = useMemo(
    () => ({
      attributes: {
        id,
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelId,
        "aria-describedby": [describedBy, hintId].filter(Boolean).join(" "),
        ...(disabled ? { "aria-readonly": "true" } : {}),
        class: textboxClass,
      },
      transformPastedHTML: fitPastedHtml,
      // Tab moves between table cells, so Esc (or Alt+F10) leads out to the toolbar.
      handleKeyDown: (_view: unknown, event: KeyboardEvent) => {
        if (event.key !== "Escape" && !(event.altKey && event.key === "F10")) return false;
        toolbarRef.current?.querySelector<HTMLElement>('[tabindex="0"]')?.focus();
        return true;
      },
    }),
    [id, labelId, hintId, describedBy, disabled],
  );

  const editor = useEditor({
    extensions,
    content: initialContent,
    editable: !disabled,
    // Only ever rendered in the browser (RichTextEditor renders the text itself on the server).
    immediatelyRender: true,
    editorProps,
    onUpdate: () => emitSoon(),
  });
  const editorRef = useRef(editor);
  useEffect(() => {
    editorRef.current = editor;
  }, [editor]);

  // A change is emitted (the document walked into a RichDoc, the § rendered anew) in idle time
  // after a pause in typing, and at once when the focus leaves the field, the editor goes, or the
  // § is kept or sent (releaseHeldEdits).
  const burst = useRef<{
    timer: ReturnType<typeof setTimeout> | null;
    idle: number | null;
    forget: () => void;
  } | null>(null);
  /** Forgets the change waiting to be emitted (emitted now, or replaced from outside). */
  const dropPending = () => {
    const b = burst.current;
    if (!b) return;
    burst.current = null;
    b.forget();
    if (b.timer) clearTimeout(b.timer);
    if (b.idle !== null) cancelIdleCallback(b.idle);
  };
  /**
   * Tells the § the editor's document. In idle time (`inIdleTime`) the §'s render is a transition,
   * which React interrupts for a key that comes meanwhile; what the § holds (its autosave's value)
   * is set at once either way, so a save or the page's leaving sees it.
   */
  const emitNow = (inIdleTime = false) => {
    dropPending();
    const current = editorRef.current;
    if (!current || current.isDestroyed) return;
    const doc = toRichDoc(current.getJSON());
    lastDoc.current = doc;
    if (inIdleTime) startTransition(() => onChangeRef.current(doc));
    else onChangeRef.current(doc);
  };
  const emitNowRef = useRef(emitNow);
  useEffect(() => {
    emitNowRef.current = emitNow;
  });
  function emitSoon() {
    const b = (burst.current ??= {
      timer: null,
      idle: null,
      forget: holdEdit(() => emitNowRef.current()),
    });
    if (b.timer) clearTimeout(b.timer);
    if (b.idle !== null) cancelIdleCallback(b.idle);
    b.idle = null;
    b.timer = setTimeout(() => {
      b.timer = null;
      b.idle = requestIdleCallback(() => emitNowRef.current(true), { timeout: 100 });
    }, EMIT_AFTER_PAUSE_MS);
  }
  // Going (the § removed, the page left): a layout effect's cleanup runs before TipTap's own
  // passive one destroys the editor.
  useLayoutEffect(
    () => () => {
      if (burst.current) emitNowRef.current();
    },
    [],
  );
  const toolbarState = useToolbarState(editor);

  // Created because the field got focus: the editor takes it, the caret where the text was
  // clicked (or at the end, entered by keyboard), and what was typed while its code loaded. The
  // focus now, not in the next frame as TipTap's focus command gives it: the rendered text it
  // replaces had the focus, and a key or Tab in between must find the editor focused.
  useLayoutEffect(() => {
    if (!editor) return;
    if (start.focus) {
      const { doc, tr } = editor.state;
      const clicked = start.at ? editor.view.posAtCoords({ left: start.at.x, top: start.at.y }) : null;
      const selection = clicked ? TextSelection.near(doc.resolve(clicked.pos)) : Selection.atEnd(doc);
      editor.view.dispatch(tr.setSelection(selection));
      editor.view.focus();
    }
    if (start.typed && !disabled) insertTyped(editor, start.typed);
    if (!disabled)
      for (const { html, text } of start.pasted) {
        if (html) editor.view.pasteHTML(html);
        else editor.view.pasteText(text);
      }
    // Once, when the editor is created.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor]);

  // A new value from outside (e.g. the other person's version after a save conflict).
  useEffect(() => {
    if (!editor || value === lastDoc.current) return;
    // What was typed and not yet emitted gives way to the value from outside.
    dropPending();
    lastDoc.current = value;
    if (richDocKey(value) !== richDocKey(editor.getJSON())) {
      editor.commands.setContent(fromRichDoc(value), { emitUpdate: false });
    }
  }, [editor, value]);

  useEffect(() => {
    editor?.setEditable(!disabled, false);
  }, [editor, disabled]);

  // Focus gone from the field (text and toolbar) for UNMOUNT_AFTER_MS: back to the rendered text.
  const wrapper = useRef<HTMLDivElement>(null);
  const idleTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  }, [onIdle]);
  const stopIdleTimer = () => {
    if (idleTimer.current) clearTimeout(idleTimer.current);
    idleTimer.current = null;
  };
  useEffect(() => stopIdleTimer, []);
  const onFocusOut = (event: React.FocusEvent) => {
    if (burst.current) emitNow();
    if (wrapper.current?.contains(event.relatedTarget as Node | null)) return;
    stopIdleTimer();
    idleTimer.current = setTimeout(() => {
      idleTimer.current = null;
      if (!wrapper.current?.contains(document.activeElement)) onIdleRef.current?.();
    }, UNMOUNT_AFTER_MS);
  };

  return (
    <div ref={wrapper} onBlur={onFocusOut} onFocus={stopIdleTimer}>
      <FieldFrame
        id={id}
        label={label}
        disabled={disabled}
        editor={editor}
        toolbarState={toolbarState}
        toolbarRef={toolbarRef}
      >
        <EditorContent editor={editor} className={`min-h-32 ${contentClass}`} />
      </FieldFrame>
    </div>
  );
}
