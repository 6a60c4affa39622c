"use client";
// Rich-text field of a protocol section. Until it is edited it shows the stored text rendered as
// on the protocol's pages (src/ui/rich-text.tsx, in the elements the editor makes of it, so the
// swap moves nothing) in a focusable textbox; focus (a click, Tab, a jump) swaps in the live
// TipTap editor (rich-text-live.tsx) with the caret where the text was clicked. Its code is loaded
// on its own, in the browser's first idle moment after the page is up, so that neither the first
// paint nor hydration waits for it. A long protocol so has an editor only in the fields being
// edited, and a key costs the work of its own field.
import type { RichDoc } from "@/domain/protocol/protocol.types";
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
  type MouseEvent,
} from "react";
import { flushSync } from "react-dom";
import { RichText } from "@/ui/rich-text";
import { contentClass, FieldFrame, textboxClass } from "./rich-text-frame";
import type { LiveStart } from "./rich-text-live";

export interface RichTextEditorProps {
  id: string;
  label: string;
  value: RichDoc;
  onChange: (doc: RichDoc) => void;
  describedBy?: string;
  disabled?: boolean;
}

type LiveModule = typeof import("./rich-text-live");
let liveModule: LiveModule | null = null;
let loading: Promise<LiveModule> | null = null;

/** The live editor's code (TipTap), loaded once per page; a failed load is tried again next time. */
function loadLiveEditor(): Promise<LiveModule> {
  loading ??= import("./rich-text-live").then(
    (m) => (liveModule = m),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

let preloadScheduled = false;
/**
 * Loads the live editor's code in the browser's first idle moment (at the latest after 1 s): called
 * by every field, and by the protocol editor, whose §§ may have no rich-text field yet when a
 * section is added and entered at once.
 */
export function preloadRichTextEditor() {
  if (preloadScheduled || liveModule) return;
  preloadScheduled = true;
  const load = () => void loadLiveEditor().catch(() => (preloadScheduled = false));
  if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(load, { timeout: 1000 });
  else window.setTimeout(load, 200);
}

/** A key that types text (kept while the editor's code loads, as is what is pasted), or null. */
function typedText(event: KeyboardEvent): string | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (event.key === "Enter") return "\n";
  return event.key.length === 1 ? event.key : null;
}

export function RichTextEditor(props: RichTextEditorProps) {
  const { id, label, value, describedBy, disabled = false } = props;
  const [start, setStart] = useState<LiveStart | null>(null);
  const textbox = useRef<HTMLDivElement>(null);
  /** Where the text was last pressed, for the caret. */
  const pressedAt = useRef<{ x: number; y: number } | null>(null);
  /** Typed while the editor's code loads (focus came before it); null when not waiting. */
  const typed = useRef<string | null>(null);
  /** Pasted while the editor's code loads. */
  const pasted = useRef<LiveStart["pasted"]>([]);

  useEffect(preloadRichTextEditor, []);
  const stopEditing = useCallback(() => setStart(null), []);

  // The live editor, until the focus has long been elsewhere (UNMOUNT_AFTER_MS): then this text again.
  if (start && liveModule) return <liveModule.LiveRichTextEditor {...props} start={start} onIdle={stopEditing} />;

  const begin = (focus: boolean): LiveStart => {
    const s = { focus, at: pressedAt.current, typed: typed.current ?? "", pasted: pasted.current };
    pressedAt.current = null;
    typed.current = null;
    pasted.current = [];
    return s;
  };
  const onFocus = () => {
    // Loaded (the usual case): the editor exists before the next key (flushSync) and takes the focus.
    if (liveModule) return flushSync(() => setStart(begin(true)));
    if (typed.current !== null) return;
    typed.current = "";
    loadLiveEditor().then(
      () => {
        const focused = document.activeElement === textbox.current;
        if (focused || typed.current || pasted.current.length > 0) setStart(begin(focused));
        else typed.current = null;
      },
      () => (typed.current = null),
    );
  };
  const onPaste = (event: ClipboardEvent) => {
    if (typed.current === null || disabled) return;
    event.preventDefault();
    const html = event.clipboardData.getData("text/html");
    pasted.current.push({ html, text: event.clipboardData.getData("text/plain") });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const text = typed.current === null || disabled ? null : typedText(event);
    if (text === null) return;
    event.preventDefault();
    typed.current += text;
  };

  return (
    <FieldFrame id={id} label={label} disabled={disabled}>
      <div className={`min-h-32 ${contentClass}`}>
        <div
          ref={textbox}
          id={id}
          role="textbox"
          aria-multiline="true"
          aria-labelledby={`${id}-label`}
          aria-describedby={[describedBy, `${id}-hint`].filter(Boolean).join(" ")}
          aria-readonly={disabled ? "true" : undefined}
          tabIndex={0}
          onMouseDown={(event: MouseEvent) => (pressedAt.current = { x: event.clientX, y: event.clientY })}
          onFocus={onFocus}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          className={textboxClass}
        >
          <RichText doc={value} headingLevel={3} editorLayout />
        </div>
      </div>
    </FieldFrame>
  );
}
