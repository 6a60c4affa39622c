"use client";

// The editor's outline of the §§: number, title (as typed) and status (tom / har fel / klar, from
// the live checker's findings and the §'s content); an entry jumps to its § and moves it, by drag
// and drop or by Alt+↑/↓. Only the outline re-renders when a title, the content's emptiness or the
// findings change.
import { memo, useEffect, useRef, useState, useSyncExternalStore, type DragEvent, type KeyboardEvent } from "react";
import type { Finding } from "@/domain/rules/protocol-checker";
import { toPlainText } from "@/domain/richtext/richtext.text";
import { useSettledParagraph, type EditorStore } from "@/modules/drafting/editor/editor-store";
import type { ParagraphContentInput } from "@/modules/drafting/paragraph.schema";

// ---------------------------------------------------------------------------------------------
// The live checker's latest findings, outside React state (the checker panel writes them)
// ---------------------------------------------------------------------------------------------

export interface FindingsStore {
  get(): readonly Finding[];
  set(findings: readonly Finding[]): void;
  subscribe(listener: () => void): () => void;
}

export function createFindingsStore(): FindingsStore {
  let findings: readonly Finding[] = [];
  const listeners = new Set<() => void>();
  return {
    get: () => findings,
    set(next) {
      if (next === findings) return;
      findings = next;
      for (const l of [...listeners]) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

const noFindings: readonly Finding[] = [];

function useFindings(store: FindingsStore): readonly Finding[] {
  return useSyncExternalStore(store.subscribe, store.get, () => noFindings);
}

// ---------------------------------------------------------------------------------------------
// Status of a §
// ---------------------------------------------------------------------------------------------

export type ParagraphStatus = "tom" | "fel" | "klar";
export const paragraphStatusLabel: Record<ParagraphStatus, string> = { tom: "tom", fel: "har fel", klar: "klar" };

/** Whether anything beyond the rubrik has been written: decision, sections, motions, votes. */
export function hasContent(c: ParagraphContentInput | undefined): boolean {
  if (!c) return false;
  return (
    c.decision.intro.trim() !== "" ||
    c.decision.clauses.some((x) => x.trim() !== "" && x.trim() !== "att") ||
    c.sections.some((s) => toPlainText(s.content).trim() !== "") ||
    c.motions.length > 0 ||
    c.votes.length > 0
  );
}

/** tom: nothing written; har fel: the checker finds an error in it; klar: otherwise. */
export function paragraphStatus(filled: boolean, number: number, findings: readonly Finding[]): ParagraphStatus {
  if (!filled) return "tom";
  return findings.some((f) => f.severity === "error" && f.paragraphNumber === number) ? "fel" : "klar";
}

const statusClass: Record<ParagraphStatus, string> = {
  tom: "border border-slate-500 bg-white text-slate-800",
  fel: "bg-red-700 text-white",
  klar: "bg-green-800 text-white",
};

// ---------------------------------------------------------------------------------------------
// Where a finding's field is in the editor
// ---------------------------------------------------------------------------------------------

/**
 * The id of the control to focus for a finding's field in § `number` (paragraph-editor's ids),
 * or the §'s rubrik when the field has no control of its own.
 */
export function fieldControlId(number: number, field: string | undefined): string {
  const key = `p${number}`;
  const indexed = /^(\w+)(?:\.(\w+))?\[(\d+)\]$/.exec(field ?? "");
  if (indexed) {
    const [, list, sub, i] = indexed;
    if (list === "decision" && sub === "clauses") return `${key}-att-${i}`;
    if (list === "motions") return `${key}-yrkande-${i}-person`;
    if (list === "votes") return `${key}-omr-${i}-fraga`;
  }
  switch (field) {
    case "caseNumber":
      return `${key}-dnr`;
    case "decision.intro":
      return `${key}-beslut-text`;
    case "dispatch":
      return `${key}-expediering`;
    default:
      return `${key}-titel`;
  }
}

// ---------------------------------------------------------------------------------------------
// The outline
// ---------------------------------------------------------------------------------------------

export interface OutlineEntry {
  id: string;
  number: number;
  title: string;
}

export interface ParagraphOutlineProps {
  paragraphs: readonly OutlineEntry[];
  store: EditorStore;
  findings: FindingsStore;
  /** The § shown in the focused mode (marked as current). */
  current: string | null;
  busy: boolean;
  onJump: (id: string) => void;
  /** One step up or down (Alt+↑/↓). */
  onMove: (id: string, direction: "up" | "down") => void;
  /** A new order of all §§ (a drop). */
  onReorder: (order: string[], movedId: string) => void;
}

/** A §'s title as typed and whether anything beyond it is written, once per content object. */
const summaries = new WeakMap<ParagraphContentInput, { title: string; filled: boolean }>();
function summary(c: ParagraphContentInput) {
  let found = summaries.get(c);
  if (!found) summaries.set(c, (found = { title: c.title, filled: hasContent(c) }));
  return found;
}

/**
 * One entry's number, title and status. It follows its own § in the store once typing there
 * pauses (useSettledParagraph): a keystroke re-renders no entry and repaints nothing of the
 * outline's column; the entry of the § typed in follows a moment later.
 */
const OutlineLabel = memo(function OutlineLabel(props: {
  store: EditorStore;
  id: string;
  number: number;
  storedTitle: string;
  findings: readonly Finding[];
}) {
  const content = useSettledParagraph(props.store, props.id);
  const live = content ? summary(content) : null;
  const status = paragraphStatus(live?.filled ?? false, props.number, props.findings);
  const title = (live?.title ?? props.storedTitle) || "(utan rubrik)";
  return (
    <>
      <span className="shrink-0 tabular-nums">§ {props.number}</span>
      <span className="min-w-0 flex-1 truncate" title={title}>
        {title}
      </span>
      <span className={`shrink-0 rounded px-1.5 text-xs font-semibold ${statusClass[status]}`}>
        {paragraphStatusLabel[status]}
      </span>
    </>
  );
});

export const ParagraphOutline = memo(function ParagraphOutline(props: ParagraphOutlineProps) {
  const { paragraphs, store } = props;
  const findings = useFindings(props.findings);
  const [dragging, setDragging] = useState<string | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);
  // After a move the entry keeps focus (it is re-ordered in the DOM, which drops focus).
  const [refocus, setRefocus] = useState<string | null>(null);
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (!refocus) return;
    const link = list.current?.querySelector<HTMLElement>(`[data-paragraph-id="${refocus}"]`);
    if (link && document.activeElement !== link) link.focus();
  }, [refocus, paragraphs]);

  const onKeyDown = (e: KeyboardEvent<HTMLAnchorElement>, id: string, index: number) => {
    if (!e.altKey || e.shiftKey || e.ctrlKey || e.metaKey) return;
    if (e.key !== "ArrowUp" && e.key !== "ArrowDown") return;
    e.preventDefault();
    const direction = e.key === "ArrowUp" ? "up" : "down";
    if (props.busy || (direction === "up" ? index === 0 : index === paragraphs.length - 1)) return;
    setRefocus(id);
    props.onMove(id, direction);
  };

  const dropIndex = (e: DragEvent<HTMLLIElement>, index: number) => {
    const box = e.currentTarget.getBoundingClientRect();
    return e.clientY < box.top + box.height / 2 ? index : index + 1;
  };
  const onDrop = (e: DragEvent<HTMLLIElement>, index: number) => {
    e.preventDefault();
    const id = dragging ?? e.dataTransfer.getData("text/plain");
    setDragging(null);
    setDropAt(null);
    const from = paragraphs.findIndex((p) => p.id === id);
    if (from < 0 || props.busy) return;
    let to = dropIndex(e, index);
    if (to > from) to -= 1;
    if (to === from) return;
    const order = paragraphs.map((p) => p.id);
    order.splice(from, 1);
    order.splice(to, 0, id);
    setRefocus(null);
    props.onReorder(order, id);
  };

  return (
    <nav id="disposition" aria-labelledby="disposition-rubrik" className="rounded border border-slate-300 p-3">
      <h2 id="disposition-rubrik" className="text-lg font-semibold">
        Paragrafer
      </h2>
      <p id="disposition-hjalp" className="mt-1 text-sm text-slate-700">
        Välj en paragraf för att gå till den. Flytta den genom att dra, eller med Alt+Pil upp och Alt+Pil ned.
      </p>
      <ol
        ref={list}
        className="mt-2 max-h-[50vh] space-y-0.5 overflow-y-auto 2xl:max-h-none 2xl:overflow-visible"
        aria-busy={props.busy || undefined}
      >
        {paragraphs.map((p, i) => {
          const isCurrent = props.current === p.id;
          return (
            <li
              key={p.id}
              draggable
              onDragStart={(e) => {
                e.dataTransfer.setData("text/plain", p.id);
                e.dataTransfer.effectAllowed = "move";
                setDragging(p.id);
              }}
              onDragEnd={() => {
                setDragging(null);
                setDropAt(null);
              }}
              onDragOver={(e) => {
                e.preventDefault();
                e.dataTransfer.dropEffect = "move";
                setDropAt(dropIndex(e, i));
              }}
              onDrop={(e) => onDrop(e, i)}
              className={[
                "rounded border-y-2",
                dropAt === i ? "border-t-[var(--color-brand)]" : "border-t-transparent",
                dropAt === i + 1 && i === paragraphs.length - 1
                  ? "border-b-[var(--color-brand)]"
                  : "border-b-transparent",
                dragging === p.id ? "opacity-50" : "",
              ].join(" ")}
            >
              <a
                href={`#paragraf-${p.number}`}
                data-paragraph-id={p.id}
                // The entry (li) is what is dragged, not the link's address.
                draggable={false}
                aria-current={isCurrent ? "true" : undefined}
                aria-describedby="disposition-hjalp"
                onClick={(e) => {
                  e.preventDefault();
                  props.onJump(p.id);
                }}
                onKeyDown={(e) => onKeyDown(e, p.id, i)}
                className={`flex cursor-grab items-baseline gap-2 rounded px-1.5 py-1 text-sm hover:bg-slate-100 ${isCurrent ? "bg-slate-200 font-semibold" : ""}`}
              >
                <OutlineLabel store={store} id={p.id} number={p.number} storedTitle={p.title} findings={findings} />
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
});
