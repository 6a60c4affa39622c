"use client";

// The § being written as it will stand in the protocol: the same ParagraphView the protocol pages
// print it with, fed from what is typed (not only what is saved). Off the typing path: the § it
// shows follows the editor's content only after a pause in the typing (PREVIEW_DELAY_MS), and
// then as a transition, so a keystroke costs the preview nothing but resetting a timer.
import { memo, startTransition, type ReactNode, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import type { ParagraphDTO, PersonRef } from "@/domain/protocol/protocol.types";
import { ParagraphView, type ParagraphViewFrame } from "@/ui/paragraph-view";
import { toParagraphDTO } from "@/modules/drafting/paragraph.content";
import type { ParagraphContentInput } from "@/modules/drafting/paragraph.schema";

/** How long the typing must pause before the preview follows it. */
export const PREVIEW_DELAY_MS = 200;

/** The id prefix of everything in a preview, so that no id of the editor's is repeated. */
const ID_PREFIX = "forhandsvisning-";

// Which §§ show their preview, by paragraph id: kept outside the § so that a § rendered anew (a
// refresh, folding) keeps it open; each § re-renders only when its own answer changes.
const open = new Set<string>();
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

/** Whether the § shows its preview, and the toggle. */
export function usePreviewOpen(paragraphId: string): [boolean, () => void] {
  const isOpen = useSyncExternalStore(
    subscribe,
    () => open.has(paragraphId),
    () => false,
  );
  const toggle = () => {
    if (!open.delete(paragraphId)) open.add(paragraphId);
    for (const l of [...listeners]) l();
  };
  return [isOpen, toggle];
}

export function previewId(number: number): string {
  return `${ID_PREFIX}p${number}`;
}

/** The toggle in the §'s heading: "Förhandsvisning", pressed while the preview is shown. */
export function PreviewToggle({ number, isOpen, onToggle }: { number: number; isOpen: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      aria-expanded={isOpen}
      aria-controls={isOpen ? previewId(number) : undefined}
      aria-label={`Förhandsvisning av § ${number}`}
      onClick={onToggle}
      className={`rounded border px-2 py-1 text-sm ${
        isOpen
          ? "border-[var(--color-brand)] bg-[var(--color-brand)] text-white"
          : "border-slate-400 bg-white hover:bg-slate-50"
      }`}
    >
      Förhandsvisning
    </button>
  );
}

/**
 * The § and, when shown, its preview: beside it where there is room (the editor's column at least
 * 64rem wide: a wide screen), else under it. The same elements either way, so that opening the
 * preview never re-creates the §'s fields.
 */
export function PreviewBeside({ preview, children }: { preview: ReactNode; children: ReactNode }) {
  return (
    <div className="@container">
      <div className={preview ? "@5xl:grid @5xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] @5xl:gap-4" : undefined}>
        {children}
        {preview}
      </div>
    </div>
  );
}

/** `value` as it was PREVIEW_DELAY_MS after its last change, set as a transition. */
export function useSettled<T>(value: T): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) return;
    const timer = window.setTimeout(() => startTransition(() => setSettled(value)), PREVIEW_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [value, settled]);
  return settled;
}

export interface ParagraphPreviewProps {
  /** What of the protocol the § prints with: the Dnr prefix, the body's genitive and order, parties. */
  frame: ParagraphViewFrame;
  paragraph: Pick<ParagraphDTO, "id" | "number" | "attachments">;
  /** The §'s content as it stands in the editor now. */
  content: ParagraphContentInput;
  /** Everyone present, for the names of movers, voters and reservants. */
  present: readonly PersonRef[];
  className?: string;
}

/**
 * The preview beside (or under) the § being edited. Not a live region: a screen reader reads it
 * when the user goes there, not on every key.
 */
export const ParagraphPreview = memo(function ParagraphPreview({
  frame,
  paragraph,
  content,
  present,
  className = "",
}: ParagraphPreviewProps) {
  const settled = useSettled(content);
  const names = useMemo(() => new Map(present.map((p) => [p.personId, p.name])), [present]);
  const { id, number, attachments } = paragraph;
  const view = useMemo(
    () => (
      <ParagraphView
        protocol={frame}
        paragraph={toParagraphDTO({ id, number, attachments }, settled, names)}
        idPrefix={ID_PREFIX}
        nested
      />
    ),
    [frame, id, number, attachments, settled, names],
  );
  return (
    <section
      id={previewId(number)}
      aria-label={`Förhandsvisning av § ${number}: så här blir paragrafen i protokollet`}
      // Focusable: beside the § it scrolls on its own, and a keyboard must reach it to scroll.
      tabIndex={0}
      className={`mt-4 rounded border border-slate-300 bg-white p-4 shadow-sm focus:outline-2 focus:outline-[var(--color-brand)] @5xl:sticky @5xl:top-4 @5xl:mt-8 @5xl:max-h-[calc(100vh-2rem)] @5xl:self-start @5xl:overflow-y-auto ${className}`}
    >
      <p className="text-sm font-semibold text-slate-700">Förhandsvisning – så här blir paragrafen i protokollet</p>
      {settled.isConfidential && (
        <p className="mt-2 rounded border border-amber-700 bg-amber-50 p-2 text-sm">
          Sekretess: förhandsvisningen visar paragrafen som i det signerade originalet. Det publika protokollet visar
          bara paragrafens nummer, rubrik och ”Sekretess”.
        </p>
      )}
      <div className="[&_article]:mt-2 [&_article]:border-t-0 [&_article]:pt-0 [&_h3]:text-xl [&_h4]:text-base">
        {view}
      </div>
    </section>
  );
});
