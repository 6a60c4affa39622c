"use client";
// The formatting toolbar of RichTextEditor: WAI-ARIA toolbar pattern (one tab stop, arrow keys
// move between buttons), Swedish accessible names, aria-pressed on toggles.
import type { Editor } from "@tiptap/core";
import { redoDepth, undoDepth } from "@tiptap/pm/history";
import { NodeSelection, TextSelection } from "@tiptap/pm/state";
import { useEditorState } from "@tiptap/react";
import { useRef, useState, type KeyboardEvent, type Ref } from "react";

interface Action {
  name: string;
  /** Visible text (part of the accessible name, WCAG 2.5.3). */
  text: string;
  shortcut?: { title: string; aria: string };
  pressed?: boolean;
  enabled: boolean;
  run: (editor: Editor) => void;
  /** Starts a new visual group. */
  group?: boolean;
}

/** Whether the first row of the table around the cursor is a header row. */
function firstRowIsHeader(editor: Editor): boolean {
  const { $from } = editor.state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (node.type.name === "table") return node.firstChild?.firstChild?.type.name === "tableHeader";
  }
  return false;
}

const NO_EDITOR = {
  editable: false,
  bold: false,
  italic: false,
  redacted: false,
  heading: false,
  bulletList: false,
  inTable: false,
  headerRow: false,
  right: false,
  can: {
    bold: false,
    italic: false,
    redacted: false,
    heading: false,
    bulletList: false,
    insertTable: false,
    addRow: false,
    deleteRow: false,
    addColumn: false,
    deleteColumn: false,
    headerRow: false,
    align: false,
    deleteTable: false,
    undo: false,
    redo: false,
  },
};

/**
 * What the `can()` dry runs depend on: the selection's place in the document (the node types
 * around both ends, whether it spans anything), the size of the table it is in, and whether
 * there is anything to undo or redo. Typing text changes none of these, so a keystroke reuses the
 * last answers instead of running fourteen commands against the whole document.
 */
function canKey(editor: Editor): string {
  const { selection } = editor.state;
  const path = (pos: typeof selection.$from) => {
    const parts: string[] = [];
    for (let depth = 1; depth <= pos.depth; depth++) {
      const node = pos.node(depth);
      parts.push(
        node.type.name === "table" ? `table${node.childCount}x${node.firstChild?.childCount ?? 0}` : node.type.name,
      );
    }
    return parts.join("/");
  };
  const history = `${undoDepth(editor.state) > 0}${redoDepth(editor.state) > 0}`;
  const kind =
    selection instanceof TextSelection
      ? "text"
      : selection instanceof NodeSelection
        ? `node:${selection.node.type.name}`
        : "other";
  return `${kind}|${selection.empty}|${path(selection.$from)}|${path(selection.$to)}|${history}`;
}

function readCan(editor: Editor) {
  // A fresh `can()` per check: each dry-run starts from the current state.
  const can = () => editor.can();
  return {
    bold: can().toggleBold(),
    italic: can().toggleItalic(),
    redacted: can().toggleRedacted(),
    heading: can().toggleHeading({ level: 3 }),
    bulletList: can().toggleBulletList(),
    insertTable: can().insertTable({ rows: 3, cols: 3, withHeaderRow: true }),
    addRow: can().addRowAfter(),
    deleteRow: can().deleteRow(),
    addColumn: can().addColumnAfter(),
    deleteColumn: can().deleteColumn(),
    headerRow: can().toggleHeaderRow(),
    align: can().setTextAlign("right"),
    deleteTable: can().deleteTable(),
    undo: can().undo(),
    redo: can().redo(),
  };
}

/** The last `can()` answers per editor, with the canKey they were computed for. */
const canCache = new WeakMap<Editor, { key: string; can: ReturnType<typeof readCan> }>();

function readState(editor: Editor | null) {
  // Before the editor exists (server render, first client render) every button is disabled, so
  // the toolbar keeps its size and nothing jumps when the editor mounts.
  if (!editor) return NO_EDITOR;
  const key = canKey(editor);
  let cached = canCache.get(editor);
  if (cached?.key !== key) {
    cached = { key, can: readCan(editor) };
    canCache.set(editor, cached);
  }
  return {
    editable: editor.isEditable,
    bold: editor.isActive("bold"),
    italic: editor.isActive("italic"),
    redacted: editor.isActive("redacted"),
    heading: editor.isActive("heading"),
    bulletList: editor.isActive("bulletList"),
    inTable: editor.isActive("table"),
    headerRow: firstRowIsHeader(editor),
    right: editor.isActive({ textAlign: "right" }),
    can: cached.can,
  };
}

function actions(s: ReturnType<typeof readState>, disabled: boolean): Action[] {
  const list: Action[] = [
    {
      name: "Fetstil",
      text: "F",
      shortcut: { title: "Ctrl+B", aria: "Control+B" },
      pressed: s.bold,
      enabled: s.can.bold,
      run: (e) => e.chain().focus().toggleBold().run(),
    },
    {
      name: "Kursiv",
      text: "K",
      shortcut: { title: "Ctrl+I", aria: "Control+I" },
      pressed: s.italic,
      enabled: s.can.italic,
      run: (e) => e.chain().focus().toggleItalic().run(),
    },
    {
      // Issue 17.2: the marked text becomes "[utelämnat]" in every public copy.
      name: "Utelämna i offentlig kopia",
      text: "Utelämna",
      shortcut: { title: "Ctrl+Skift+U", aria: "Control+Shift+U" },
      pressed: s.redacted,
      enabled: s.can.redacted,
      run: (e) => e.chain().focus().toggleRedacted().run(),
    },
    {
      name: "Underrubrik",
      text: "Underrubrik",
      pressed: s.heading,
      enabled: s.heading || s.can.heading,
      run: (e) =>
        s.heading ? e.chain().focus().setParagraph().run() : e.chain().focus().toggleHeading({ level: 3 }).run(),
    },
    {
      name: "Punktlista",
      text: "• Punktlista",
      pressed: s.bulletList,
      enabled: s.can.bulletList,
      run: (e) => e.chain().focus().toggleBulletList().run(),
    },
    {
      name: "Infoga tabell",
      text: "Infoga tabell",
      enabled: s.can.insertTable,
      run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
      group: true,
    },
  ];
  if (s.inTable) {
    list.push(
      {
        name: "Lägg till rad",
        text: "+ Rad",
        enabled: s.can.addRow,
        run: (e) => e.chain().focus().addRowAfter().run(),
        group: true,
      },
      { name: "Ta bort rad", text: "− Rad", enabled: s.can.deleteRow, run: (e) => e.chain().focus().deleteRow().run() },
      {
        name: "Lägg till kolumn",
        text: "+ Kolumn",
        enabled: s.can.addColumn,
        run: (e) => e.chain().focus().addColumnAfter().run(),
      },
      {
        name: "Ta bort kolumn",
        text: "− Kolumn",
        enabled: s.can.deleteColumn,
        run: (e) => e.chain().focus().deleteColumn().run(),
      },
      {
        name: "Rubrikrad av/på",
        text: "Rubrikrad",
        pressed: s.headerRow,
        enabled: s.can.headerRow,
        run: (e) => e.chain().focus().toggleHeaderRow().run(),
      },
      {
        name: "Högerjustera",
        text: "Högerjustera",
        pressed: s.right,
        enabled: s.can.align,
        run: (e) => e.chain().focus().setTextAlign("right").run(),
      },
      {
        name: "Vänsterjustera",
        text: "Vänsterjustera",
        pressed: !s.right,
        enabled: s.can.align,
        run: (e) => e.chain().focus().unsetTextAlign().run(),
      },
      {
        name: "Ta bort tabell",
        text: "Ta bort tabell",
        enabled: s.can.deleteTable,
        run: (e) => e.chain().focus().deleteTable().run(),
      },
    );
  }
  list.push(
    {
      name: "Ångra",
      text: "↶ Ångra",
      shortcut: { title: "Ctrl+Z", aria: "Control+Z" },
      enabled: s.can.undo,
      run: (e) => e.chain().focus().undo().run(),
      group: true,
    },
    {
      name: "Gör om",
      text: "↷ Gör om",
      shortcut: { title: "Ctrl+Shift+Z", aria: "Control+Shift+Z" },
      enabled: s.can.redo,
      run: (e) => e.chain().focus().redo().run(),
    },
  );
  if (disabled || !s.editable) for (const action of list) action.enabled = false;
  return list;
}

const NAV_KEYS = new Set(["ArrowRight", "ArrowLeft", "Home", "End"]);

export function RichTextToolbar(props: {
  editor: Editor | null;
  label: string;
  disabled?: boolean;
  toolbarRef?: Ref<HTMLDivElement>;
}) {
  const { editor, label, disabled = false, toolbarRef } = props;
  // Reads `editor` from props, not from the snapshot: the snapshot stays null until the first
  // transaction after the editor is created (immediatelyRender: false).
  const state = useEditorState({ editor, selector: () => readState(editor) });
  const list = actions(state ?? NO_EDITOR, disabled);
  const [active, setActive] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const current = Math.min(active, Math.max(list.length - 1, 0));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!NAV_KEYS.has(event.key) || list.length === 0) return;
    event.preventDefault();
    const last = list.length - 1;
    const next =
      event.key === "Home"
        ? 0
        : event.key === "End"
          ? last
          : event.key === "ArrowRight"
            ? current === last
              ? 0
              : current + 1
            : current === 0
              ? last
              : current - 1;
    setActive(next);
    buttons.current[next]?.focus();
  };

  return (
    <div
      ref={toolbarRef}
      role="toolbar"
      aria-label={`Formatering: ${label}`}
      aria-orientation="horizontal"
      onKeyDown={onKeyDown}
      className="flex flex-wrap items-center gap-1 border-b border-slate-400 bg-slate-50 p-1"
    >
      {list.map((action, i) => (
        <span key={action.name} className={action.group && i > 0 ? "ml-2 flex border-l border-slate-400 pl-2" : "flex"}>
          <button
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            tabIndex={i === current ? 0 : -1}
            aria-label={action.name}
            aria-pressed={action.pressed}
            aria-disabled={!action.enabled || undefined}
            aria-keyshortcuts={action.shortcut?.aria}
            title={action.shortcut ? `${action.name} (${action.shortcut.title})` : action.name}
            // Keep the text selection in the editor when clicking.
            onMouseDown={(event) => event.preventDefault()}
            onFocus={() => setActive(i)}
            onClick={() => {
              if (editor && action.enabled) action.run(editor);
            }}
            className={[
              "min-h-8 min-w-8 rounded border px-2 text-sm text-ink",
              "focus-visible:outline-3 focus-visible:outline-offset-1 focus-visible:outline-brand",
              action.pressed ? "border-brand bg-brand text-white" : "border-transparent hover:bg-slate-200",
              action.enabled ? "" : "cursor-not-allowed opacity-60",
              action.text === "F" ? "font-bold" : action.text === "K" ? "italic" : "",
            ].join(" ")}
          >
            {action.text}
          </button>
        </span>
      ))}
    </div>
  );
}
