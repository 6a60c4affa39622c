"use client";
// Rich-text editor for a protocol section, on TipTap. The editor's schema holds only what RichDoc
// holds (so pasted HTML from Word or the web is fitted into it by ProseMirror's parser) and
// every change is emitted as a clean RichDoc (toRichDoc). Never HTML.
import type { RichDoc } from "@/domain/protocol/protocol.types";
import { Heading } from "@tiptap/extension-heading";
import { ListItem } from "@tiptap/extension-list";
import { Table, TableCell, TableHeader, TableRow } from "@tiptap/extension-table";
import { TextAlign } from "@tiptap/extension-text-align";
import { EditorContent, useEditor } from "@tiptap/react";
import { StarterKit } from "@tiptap/starter-kit";
import {
  startTransition,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type Ref,
} from "react";
import type { Editor } from "@tiptap/core";
import { flushSync } from "react-dom";
import { RichText } from "@/ui/rich-text";
import { fromRichDoc, richDocKey, toRichDoc } from "@/domain/richtext/tiptap-normalise";
import { fitPastedHtml } from "./paste-html";
import { RichTextToolbar } from "./rich-text-toolbar";
import { Redacted } from "./redacted-mark";

export interface RichTextEditorProps {
  id: string;
  label: string;
  value: RichDoc;
  onChange: (doc: RichDoc) => void;
  describedBy?: string;
  disabled?: boolean;
}

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

const contentClass = [
  "[&_p]:my-2 [&_td_p]:my-0 [&_th_p]:my-0",
  "[&_h3]:mt-4 [&_h3]:mb-1 [&_h3]:text-lg [&_h3]:font-semibold [&_h4]:mt-3 [&_h4]:mb-1 [&_h4]:font-semibold",
  "[&_ul]:my-2 [&_ul]:list-disc [&_ul]:pl-6 [&_ul_ul]:my-0 [&_ul_ul]:list-[circle]",
  "[&_table]:my-3 [&_table]:border-collapse",
  "[&_td]:min-w-16 [&_td]:border [&_td]:border-slate-500 [&_td]:px-2 [&_td]:py-1 [&_td]:align-top",
  "[&_th]:min-w-16 [&_th]:border [&_th]:border-slate-500 [&_th]:bg-slate-100 [&_th]:px-2 [&_th]:py-1 [&_th]:text-left [&_th]:align-top [&_th]:font-semibold",
  "[&_.selectedCell]:bg-sky-100",
].join(" ");

/**
 * Editors not yet created, in page order: each is created in the browser's idle time, one at a
 * time, so that a long protocol is interactive before its hundred-odd editors exist and typing is
 * not held up by their creation.
 */
const waiting: (() => void)[] = [];
let idleScheduled = false;
function createWhenIdle(start: () => void): () => void {
  waiting.push(start);
  const next = () => {
    idleScheduled = false;
    const task = waiting.shift();
    if (task) startTransition(task);
    if (waiting.length > 0) schedule();
  };
  const schedule = () => {
    if (idleScheduled) return;
    idleScheduled = true;
    if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(next, { timeout: 2000 });
    else window.setTimeout(next, 16);
  };
  schedule();
  return () => {
    const i = waiting.indexOf(start);
    if (i >= 0) waiting.splice(i, 1);
  };
}

/** Editors whose field comes within this distance of the viewport are created at once. */
const NEAR_VIEWPORT = "800px 0px";

/**
 * The field shows the rendered text (the same as the public page, src/ui/rich-text.tsx) until its
 * TipTap editor exists: created when the field nears the viewport, when it gets focus (at once,
 * and the editor takes the focus), or else in the background when the browser is idle.
 */
export function RichTextEditor(props: RichTextEditorProps) {
  const { id, label, value, describedBy, disabled = false } = props;
  const labelId = `${id}-label`;
  const hintId = `${id}-hint`;
  const [live, setLive] = useState<false | "idle" | "focus">(false);
  const staticRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (live) return;
    const start = () => setLive((l) => l || "idle");
    const cancel = createWhenIdle(start);
    const el = staticRef.current;
    if (!el || typeof IntersectionObserver !== "function") return cancel;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) startTransition(start);
      },
      { rootMargin: NEAR_VIEWPORT },
    );
    observer.observe(el);
    return () => {
      cancel();
      observer.disconnect();
    };
  }, [live]);

  if (live) return <LiveRichTextEditor {...props} focusOnMount={live === "focus"} />;
  return (
    <FieldFrame id={id} label={label} disabled={disabled} editor={null}>
      <div className={`min-h-32 ${contentClass}`}>
        <div
          ref={staticRef}
          id={id}
          role="textbox"
          aria-multiline="true"
          aria-labelledby={labelId}
          aria-describedby={[describedBy, hintId].filter(Boolean).join(" ")}
          aria-readonly={disabled ? "true" : undefined}
          tabIndex={0}
          // Focus creates the editor now (flushSync: it exists before the next key) and hands it the focus.
          onFocus={() => flushSync(() => setLive("focus"))}
          className="min-h-32 px-3 py-2 focus-visible:outline-3 focus-visible:outline-brand"
        >
          <RichText doc={value} headingLevel={3} />
        </div>
      </div>
    </FieldFrame>
  );
}

/** The field around the text: its label, the toolbar, and the hint shown while it has focus. */
function FieldFrame({
  id,
  label,
  disabled,
  editor,
  toolbarRef,
  children,
}: {
  id: string;
  label: string;
  disabled: boolean;
  editor: Editor | null;
  toolbarRef?: Ref<HTMLDivElement>;
  children: ReactNode;
}) {
  return (
    <div className="group/rte">
      <div id={`${id}-label`} className="mb-1 font-semibold">
        {label}
      </div>
      <div className={`rounded border border-slate-500 ${disabled ? "bg-slate-50" : "bg-white"}`}>
        <RichTextToolbar editor={editor} label={label} disabled={disabled} toolbarRef={toolbarRef} />
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

function LiveRichTextEditor({
  id,
  label,
  value,
  onChange,
  describedBy,
  disabled = false,
  focusOnMount,
}: RichTextEditorProps & { focusOnMount: boolean }) {
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
        class: "min-h-32 px-3 py-2 focus-visible:outline-3 focus-visible:outline-brand",
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
    // Only ever rendered in the browser (RichTextEditor renders the static text on the server).
    immediatelyRender: true,
    editorProps,
    onUpdate: ({ editor: e }) => {
      const doc = toRichDoc(e.getJSON());
      lastDoc.current = doc;
      onChangeRef.current(doc);
    },
  });

  // Created because the field got focus: the editor takes it.
  useLayoutEffect(() => {
    if (focusOnMount) editor?.commands.focus("end", { scrollIntoView: false });
    // Once, when the editor is created.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor]);

  // A new value from outside (e.g. the other person's version after a save conflict).
  useEffect(() => {
    if (!editor || value === lastDoc.current) return;
    lastDoc.current = value;
    if (richDocKey(value) !== richDocKey(editor.getJSON())) {
      editor.commands.setContent(fromRichDoc(value), { emitUpdate: false });
    }
  }, [editor, value]);

  useEffect(() => {
    editor?.setEditable(!disabled, false);
  }, [editor, disabled]);

  return (
    <FieldFrame id={id} label={label} disabled={disabled} editor={editor} toolbarRef={toolbarRef}>
      <EditorContent editor={editor} className={`min-h-32 ${contentClass}`} />
    </FieldFrame>
  );
}
