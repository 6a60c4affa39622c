"use client";

// The checker panel of the editor, on what is typed: re-checked when typing has paused (300 ms)
// and only for the §§ that changed (createIncrementalChecker), so that a keystroke never waits
// for the checks. Only this panel re-renders with new findings.
import { useEffect, useRef, useState } from "react";
import type { IsoDate } from "@/lib/iso-date";
import type { ProtocolDTO } from "@/domain/protocol/protocol.types";
import { createIncrementalChecker } from "@/domain/rules/protocol-checker.incremental";
import type { Finding } from "@/domain/rules/protocol-checker";
import type { EditorState, EditorStore } from "@/modules/drafting/editor/editor-store";
import { CheckerPanel, type CheckerFold } from "./checker-panel";

/** Quiet time after the last change before the checks run again. */
export const CHECK_DELAY_MS = 300;

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
  // The first check at once (also on the server), so the panel is right from the first paint.
  const [findings, setFindings] = useState(check);
  const latest = useRef(check);
  useEffect(() => {
    latest.current = check;
  });

  // New data from the server (a § added, moved or removed; people added): check at once.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    setFindings(latest.current());
  }, [protocol, names, today]);

  // Typing: check once it pauses.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = store.subscribe(["header", "attendance", "signers", "paragraphs"], () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        setFindings(latest.current());
      }, CHECK_DELAY_MS);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [store]);

  useEffect(() => onFindings?.(findings), [findings, onFindings]);

  return <CheckerPanel findings={findings} fold={fold} />;
}
