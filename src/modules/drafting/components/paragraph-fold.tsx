"use client";

// A § of the editor that can be folded to its heading line and unfolded (a disclosure button with
// aria-expanded). Folded or hidden (the focused mode shows one § at a time), the § stays mounted:
// its fields, autosave and unsaved changes live on, only hidden.
import { memo, useCallback, useEffect, useState, type ReactNode } from "react";
import { useEditorStore, type EditorStore } from "@/modules/drafting/editor/editor-store";

export const FoldableParagraph = memo(function FoldableParagraph({
  id,
  number,
  title: storedTitle,
  store,
  folded,
  hidden,
  onToggle,
  children,
}: {
  id: string;
  number: number;
  /** The rubrik as stored; the one typed replaces it. */
  title: string;
  store: EditorStore;
  folded: boolean;
  /** Not shown at all (the focused mode shows another §). */
  hidden: boolean;
  onToggle: (id: string) => void;
  children: ReactNode;
}) {
  const bodyId = `paragraf-innehall-${id}`;
  const button = (
    <button
      type="button"
      aria-expanded={!folded}
      aria-controls={bodyId}
      onClick={() => onToggle(id)}
      className="rounded border border-slate-500 bg-white px-2 py-0.5 text-sm hover:bg-slate-100"
    >
      <span aria-hidden="true">{folded ? "▸ " : "▾ "}</span>
      {folded ? "Fäll ut" : "Fäll ihop"} <span className="sr-only">§ {number}</span>
    </button>
  );
  return (
    <div
      hidden={hidden}
      data-paragraph={id}
      className={[
        // Off screen, a § is neither laid out nor painted (content-visibility), so a keystroke's
        // frame costs the same in a 60-§ protocol as in a short one (bench/editor: about 1-2 ms a
        // key). Its painting is then clipped to this box: the padding, taken back by the negative
        // margins, leaves room for the focus ring (3 px + 2 px offset) of what sits at its edge.
        "-mx-1.5 mt-6 -mb-1.5 px-1.5 pt-2 pb-1.5",
        "[contain-intrinsic-block-size:auto_600px] [content-visibility:auto]",
      ].join(" ")}
    >
      {folded ? (
        <div className="flex flex-wrap items-center justify-between gap-2 rounded border-2 border-slate-300 p-4">
          <FoldedHeading store={store} id={id} number={number} storedTitle={storedTitle} />
          {button}
        </div>
      ) : (
        <div className="flex justify-end">{button}</div>
      )}
      <div id={bodyId} hidden={folded} className="[&>section]:mt-1">
        {children}
      </div>
    </div>
  );
});

/**
 * The heading of a folded §, with its rubrik as typed. Only a folded § has one, so a keystroke in
 * an unfolded § (the one being typed in) re-renders nothing here.
 */
function FoldedHeading({
  store,
  id,
  number,
  storedTitle,
}: {
  store: EditorStore;
  id: string;
  number: number;
  storedTitle: string;
}) {
  const title = useEditorStore(store, ["paragraphs"], (s) => s.contents[id]?.title ?? storedTitle);
  return (
    <h2 className="text-xl font-semibold">
      § {number} {title || "(utan rubrik)"}
    </h2>
  );
}

/**
 * A yes/no the browser remembers (localStorage) under `key`; `initial` until it is read after
 * hydration, so the server's HTML and the first render agree.
 */
export function usePersistentFlag(key: string, initial: boolean): [boolean, () => void] {
  const [value, setValue] = useState(initial);
  useEffect(() => {
    try {
      const stored = window.localStorage.getItem(key);
      // eslint-disable-next-line react-hooks/set-state-in-effect -- read once after hydration
      if (stored === "1" || stored === "0") setValue(stored === "1");
    } catch {
      // Storage refused (private mode): the flag lives for this page only.
    }
  }, [key]);
  const toggle = useCallback(() => {
    setValue((v) => {
      try {
        window.localStorage.setItem(key, v ? "0" : "1");
      } catch {
        // as above
      }
      return !v;
    });
  }, [key]);
  return [value, toggle];
}
