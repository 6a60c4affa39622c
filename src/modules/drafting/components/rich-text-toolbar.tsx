"use client";
// The formatting toolbar of a rich-text field: WAI-ARIA toolbar pattern (one tab stop, arrow keys
// move between buttons), Swedish accessible names, aria-pressed on toggles. No TipTap code here:
// the toolbar of a field not yet being edited (every button disabled) renders without it, and the
// live editor passes its state (rich-text-toolbar-state.ts) and runs the actions on its editor.
import type { Editor } from "@tiptap/core";
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

/** What the buttons show: pressed, enabled. Before an editor exists every button is disabled. */
export type ToolbarState = typeof NO_EDITOR;

/** Every button off: the toolbar of a field whose editor does not exist yet. */
export const NO_EDITOR = {
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

function actions(s: ToolbarState, disabled: boolean): Action[] {
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
  /** The editor's state (useToolbarState); NO_EDITOR without one. */
  state: ToolbarState;
  label: string;
  disabled?: boolean;
  toolbarRef?: Ref<HTMLDivElement>;
}) {
  const { editor, state, label, disabled = false, toolbarRef } = props;
  const list = actions(state, disabled);
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
