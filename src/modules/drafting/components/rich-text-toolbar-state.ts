"use client";
// The rich-text toolbar's state from a live TipTap editor: which marks and blocks are active and
// which commands can run, re-read on the editor's transactions (its own only).
import type { Editor } from "@tiptap/core";
import { redoDepth, undoDepth } from "@tiptap/pm/history";
import { NodeSelection, TextSelection } from "@tiptap/pm/state";
import { useEditorState } from "@tiptap/react";
import { NO_EDITOR, type ToolbarState } from "./rich-text-toolbar";

/** Whether the first row of the table around the cursor is a header row. */
function firstRowIsHeader(editor: Editor): boolean {
  const { $from } = editor.state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (node.type.name === "table") return node.firstChild?.firstChild?.type.name === "tableHeader";
  }
  return false;
}

/**
 * What the `can()` dry runs depend on: the selection's place in the document (the node types
 * around both ends, whether it spans anything) and the size of the table it is in. Typing text
 * changes none of these, so a keystroke reuses the last answers instead of running thirteen
 * commands against the whole document. (Undo and redo are read from the history itself: the
 * first key, which makes undo possible, would otherwise run them all again.)
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
  const kind =
    selection instanceof TextSelection
      ? "text"
      : selection instanceof NodeSelection
        ? `node:${selection.node.type.name}`
        : "other";
  return `${kind}|${selection.empty}|${path(selection.$from)}|${path(selection.$to)}`;
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
  };
}

/** The last `can()` answers per editor, with the canKey they were computed for. */
const canCache = new WeakMap<Editor, { key: string; can: ReturnType<typeof readCan> }>();

function readState(editor: Editor | null): ToolbarState {
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
    // What `can().undo()` and `can().redo()` answer: whether the history has a step to take.
    can: { ...cached.can, undo: undoDepth(editor.state) > 0, redo: redoDepth(editor.state) > 0 },
  };
}

/** The toolbar's state for `editor`, re-read when the editor's state changes. */
export function useToolbarState(editor: Editor | null): ToolbarState {
  // Reads `editor` from the argument, not from the snapshot: the snapshot stays null until the
  // first transaction after the editor is created.
  return useEditorState({ editor, selector: () => readState(editor) }) ?? NO_EDITOR;
}
