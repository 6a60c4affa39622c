"use client";

// The editor's keyboard shortcuts: Alt+Shift and a letter (by the key's place, so any keyboard
// layout), which neither the browsers nor the screen readers (NVDA, JAWS, VoiceOver use their
// own modifier keys) take for themselves; listed on the page under "Kortkommandon".
import { useEffect, useRef } from "react";

export interface EditorShortcutHandlers {
  newParagraph: () => void;
  next: () => void;
  previous: () => void;
  outline: () => void;
  checker: () => void;
}

export const EDITOR_SHORTCUTS: readonly {
  code: string;
  keys: string;
  label: string;
  run: keyof EditorShortcutHandlers;
}[] = [
  { code: "KeyN", keys: "Alt+Skift+N", label: "Ny paragraf (till fältet för rubriken)", run: "newParagraph" },
  { code: "KeyJ", keys: "Alt+Skift+J", label: "Nästa paragraf", run: "next" },
  { code: "KeyK", keys: "Alt+Skift+K", label: "Föregående paragraf", run: "previous" },
  { code: "KeyP", keys: "Alt+Skift+P", label: "Till listan över paragrafer", run: "outline" },
  { code: "KeyC", keys: "Alt+Skift+C", label: "Till kontrollen före justering", run: "checker" },
];

export function useEditorShortcuts(handlers: EditorShortcutHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return;
      const shortcut = EDITOR_SHORTCUTS.find((s) => s.code === e.code);
      if (!shortcut) return;
      e.preventDefault();
      e.stopPropagation();
      latest.current[shortcut.run]();
    };
    document.addEventListener("keydown", onKeyDown, true);
    return () => document.removeEventListener("keydown", onKeyDown, true);
  }, []);
}

export function ShortcutsHelp() {
  return (
    <details className="rounded border border-slate-300 p-3">
      <summary className="cursor-pointer font-semibold">Kortkommandon</summary>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        {EDITOR_SHORTCUTS.map((s) => (
          <div key={s.code} className="contents">
            <dt>
              <kbd className="rounded border border-slate-400 bg-slate-50 px-1 font-mono">{s.keys}</kbd>
            </dt>
            <dd>{s.label}</dd>
          </div>
        ))}
        <div className="contents">
          <dt>
            <kbd className="rounded border border-slate-400 bg-slate-50 px-1 font-mono">Alt+Pil upp/ned</kbd>
          </dt>
          <dd>Flytta paragrafen (i listan över paragrafer)</dd>
        </div>
        <div className="contents">
          <dt>
            <kbd className="rounded border border-slate-400 bg-slate-50 px-1 font-mono">Esc</kbd>
          </dt>
          <dd>Från en textruta till dess verktygsfält</dd>
        </div>
      </dl>
    </details>
  );
}
