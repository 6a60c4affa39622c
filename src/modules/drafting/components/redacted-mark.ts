// The "redacted" mark of the rich text (issue 17.2) in the editor: a passage the public copies
// replace by "[utelämnat]". Shown shaded in the editor as in the workspace's protocol view
// (src/ui/rich-text.tsx), with the same class, so that a copy from one and a paste into the other
// keeps it; toggled by the toolbar's "Utelämna" button or Ctrl+Shift+U.
import { Mark, mergeAttributes } from "@tiptap/core";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    redacted: {
      /** Marks the selection for redaction in public copies, or unmarks it. */
      toggleRedacted: () => ReturnType;
    };
  }
}

export const REDACTED_CLASS = "redacted rounded-sm bg-slate-200 px-0.5";

export const Redacted = Mark.create({
  name: "redacted",
  parseHTML() {
    return [{ tag: "span.redacted" }];
  },
  renderHTML({ HTMLAttributes }) {
    return [
      "span",
      mergeAttributes(HTMLAttributes, { class: REDACTED_CLASS, title: "Utelämnas i offentlig kopia" }),
      0,
    ];
  },
  addCommands() {
    return {
      toggleRedacted:
        () =>
        ({ commands }) =>
          commands.toggleMark(this.name),
    };
  },
  addKeyboardShortcuts() {
    return { "Mod-Shift-u": () => this.editor.commands.toggleRedacted() };
  },
});
