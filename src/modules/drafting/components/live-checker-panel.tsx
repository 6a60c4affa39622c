"use client";

// The checker panel of the editor, on what is typed: re-checked when typing has paused (300 ms)
// and only for the §§ that changed (createIncrementalChecker), so that a keystroke never waits
// for the checks. Only this panel re-renders with new findings. The first check runs once the
// page is interactive (in the browser's first idle moment after hydration), not while the page
// hydrates: checking 60 §§ from scratch would delay the first keystroke.
import { useEffect, useRef, useState } from "react";
import type { IsoDate } from "@/lib/iso-date";
import type { ProtocolDTO } from "@/domain/protocol/protocol.types";
import type { Finding } from "@/domain/rules/protocol-checker";
import { createIncrementalChecker } from "@/domain/rules/protocol-checker.incremental";
import type { EditorState, EditorStore } from "@/modules/drafting/editor/editor-store";
import { CheckerPanel, type CheckerFold } from "./checker-panel";

/** Quiet time after the last change before the checks run again. */
export const CHECK_DELAY_MS = 300;

/** Runs `task` when the browser is idle (at the latest after `timeout` ms); returns a cancel. */
function whenIdle(task: () => void, timeout: number): () => void {
  if (typeof window.requestIdleCallback === "function") {
    const handle = window.requestIdleCallback(task, { timeout });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(task, 0);
  return () => window.clearTimeout(handle);
}

export function LiveCheckerPanel({
  store,
  protocol,
  names,
  today,
  buildLive,
  fold,
  onFindings,
}: {
  store: EditorStore;
  protocol: ProtocolDTO;
  names: ReadonlyMap<string, string>;
  today: IsoDate;
  buildLive: (protocol: ProtocolDTO, state: EditorState, names: ReadonlyMap<string, string>) => ProtocolDTO;
  /** The panel folded to its heading (the editor remembers it). */
  fold?: CheckerFold;
  /** Told every new set of findings (the outline's status per §). */
  onFindings?: (findings: readonly Finding[]) => void;
}) {
  const [checker] = useState(createIncrementalChecker);
  const check = () => checker.check(buildLive(protocol, store.get(), names), { now: today });
  /** null until the first check has run. */
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const latest = useRef(check);
  useEffect(() => {
    latest.current = check;
  });

  // The first check, and new data from the server (a § added, moved or removed; people added).
  useEffect(() => whenIdle(() => setFindings(latest.current()), 500), [protocol, names, today]);

  // Typing: check once it pauses, in an idle moment (between keystrokes' frames).
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let cancelIdle: (() => void) | null = null;
    const unsubscribe = store.subscribe(["header", "attendance", "signers", "paragraphs"], () => {
      if (timer) clearTimeout(timer);
      cancelIdle?.();
      cancelIdle = null;
      timer = setTimeout(() => {
        timer = null;
        cancelIdle = whenIdle(() => {
          cancelIdle = null;
          setFindings(latest.current());
        }, 1000);
      }, CHECK_DELAY_MS);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
      cancelIdle?.();
    };
  }, [store]);

  useEffect(() => {
    if (findings !== null) onFindings?.(findings);
  }, [findings, onFindings]);

  return <CheckerPanel findings={findings} fold={fold} />;
}
