"use client";

// The editor's working copy of the protocol, outside React state: each part (header, attendance,
// signers, every §) is owned by its own editor component, which writes here what it holds. A
// keystroke in a § so changes only that §'s component and this store; whoever needs more (the
// live checker, the § list's participation, an outline) subscribes to the topics it reads and is
// told when they change, instead of the whole editor re-rendering on every key.
import { startTransition, useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { ParagraphContentInput } from "@/modules/drafting/paragraph.schema";
import type { AttendanceRowValue } from "@/modules/drafting/components/attendance-editor";
import type { HeaderValue } from "@/modules/drafting/components/header-editor";
import type { SignerRowValue } from "@/modules/drafting/components/signers-editor";

export interface EditorState {
  header: HeaderValue;
  attendance: AttendanceRowValue[];
  signerRows: SignerRowValue[];
  /** The content of every §, by paragraph id; a changed § is a new object. */
  contents: Readonly<Record<string, ParagraphContentInput>>;
}

/**
 * What changed: "paragraphs" on any change of a §, "recusals" also when a §'s jäv list changed
 * (it changes who takes part in the §).
 */
export type EditorTopic = "header" | "attendance" | "signers" | "paragraphs" | "recusals";

export interface EditorStore {
  get(): EditorState;
  setHeader(header: HeaderValue): void;
  setAttendance(rows: AttendanceRowValue[]): void;
  setSigners(rows: SignerRowValue[]): void;
  setParagraph(id: string, content: ParagraphContentInput): void;
  subscribe(topics: readonly EditorTopic[], listener: () => void): () => void;
}

export function createEditorStore(initial: EditorState): EditorStore {
  let state = initial;
  const listeners = new Set<{ topics: readonly EditorTopic[]; listener: () => void }>();
  const emit = (...topics: EditorTopic[]) => {
    for (const l of [...listeners]) if (l.topics.some((t) => topics.includes(t))) l.listener();
  };
  return {
    get: () => state,
    setHeader(header) {
      if (state.header === header) return;
      state = { ...state, header };
      emit("header");
    },
    setAttendance(attendance) {
      if (state.attendance === attendance) return;
      state = { ...state, attendance };
      emit("attendance");
    },
    setSigners(signerRows) {
      if (state.signerRows === signerRows) return;
      state = { ...state, signerRows };
      emit("signers");
    },
    setParagraph(id, content) {
      const previous = state.contents[id];
      if (previous === content) return;
      state = { ...state, contents: { ...state.contents, [id]: content } };
      if (previous?.recusals !== content.recusals) emit("paragraphs", "recusals");
      else emit("paragraphs");
    },
    subscribe(topics, listener) {
      const entry = { topics, listener };
      listeners.add(entry);
      return () => void listeners.delete(entry);
    },
  };
}

/**
 * A value derived from the store, re-rendering the component only when the topics it reads
 * change and the derived value is not `same` as before (a primitive, or an equal list).
 */
export function useEditorStore<T>(
  store: EditorStore,
  topics: readonly EditorTopic[],
  select: (state: EditorState) => T,
  same: (a: T, b: T) => boolean = Object.is,
): T {
  const last = useRef<{ state: EditorState; value: T } | null>(null);
  const topicsKey = topics.join(",");
  const subscribe = useCallback(
    (listener: () => void) => store.subscribe(topicsKey.split(",") as EditorTopic[], listener),
    [store, topicsKey],
  );
  const getSnapshot = () => {
    const state = store.get();
    const previous = last.current;
    if (previous && previous.state === state) return previous.value;
    const value = select(state);
    if (previous && same(previous.value, value)) {
      last.current = { state, value: previous.value };
      return previous.value;
    }
    last.current = { state, value };
    return value;
  };
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}

/** Equal as JSON: for small derived lists and records. */
export function sameJson<T>(a: T, b: T): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** How long typing in a § must pause before what follows it from afar (the outline) is updated. */
export const SETTLE_MS = 300;

/**
 * One §'s content as it was SETTLE_MS after its last change, set as a transition: for what shows
 * a § away from where it is typed (its outline entry), which so costs a keystroke nothing but a
 * timer, and is laid out and painted once per pause instead of once per key.
 */
export function useSettledParagraph(store: EditorStore, id: string): ParagraphContentInput | undefined {
  const [content, setContent] = useState(() => store.get().contents[id]);
  useEffect(() => {
    let seen = content;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onChange = () => {
      const now = store.get().contents[id];
      if (now === seen) return; // another § changed
      seen = now;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        startTransition(() => setContent(store.get().contents[id]));
      }, SETTLE_MS);
    };
    const unsubscribe = store.subscribe(["paragraphs"], onChange);
    onChange(); // a change between the render and this subscription
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
    // `content` is only the starting point of the comparisons.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, id]);
  return content;
}
