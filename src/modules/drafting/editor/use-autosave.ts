"use client";

// Autosave for one versioned record (a §, the header, the attendance list). Saves about a
// second after typing stops; keeps unsent changes in localStorage so nothing typed is lost when
// the connection or the browser goes away, and sends them when the connection is back. Nothing
// of this is on the keystroke's path: a key sets the value and (re)starts timers; the copy in
// localStorage is written at most every PENDING_WRITE_MS while typing and when the page is hidden. A save
// refused because someone else saved first stops autosaving and hands both versions to the UI.
import { useCallback, useEffect, useRef, useState } from "react";
import type { ActionFailure, ActionResult } from "@/server/action";
import { releaseHeldEdits } from "./held-edits";

/** How often, at most, unsent changes are copied to localStorage while typing. */
const PENDING_WRITE_MS = 250;

export type SaveStatus = "saved" | "dirty" | "saving" | "offline" | "error" | "conflict";

export interface Conflict<T> {
  mine: T;
  theirs: T;
  theirVersion: number;
}

interface Pending<T> {
  version: number;
  value: T;
}

export interface AutosaveOptions<T> {
  storageKey: string;
  initial: T;
  initialVersion: number;
  save: (value: T, version: number) => Promise<ActionResult<{ version: number }>>;
  /** Turns a conflict's `current` (the stored record) into a value, when the record can show it. */
  fromConflict?: (current: unknown) => { version: number; value: T } | null;
  /**
   * Whether a value kept from an earlier visit says the same as the stored record (formatting
   * aside), so that a change that reached the server before the page went away is no conflict.
   */
  same?: (a: T, b: T) => boolean;
  delayMs?: number;
}

function readPending<T>(key: string): Pending<T> | null {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Pending<T>) : null;
  } catch {
    return null;
  }
}

function writePending<T>(key: string, pending: Pending<T> | null) {
  try {
    if (pending) window.localStorage.setItem(key, JSON.stringify(pending));
    else window.localStorage.removeItem(key);
  } catch {
    // Storage full or disabled: the change still goes to the server.
  }
}

export function useAutosave<T>({
  storageKey,
  initial,
  initialVersion,
  save,
  fromConflict,
  same,
  delayMs = 800,
}: AutosaveOptions<T>) {
  const [value, setValue] = useState<T>(initial);
  const [status, setStatus] = useState<SaveStatus>("saved");
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [conflict, setConflict] = useState<Conflict<T> | null>(null);

  const version = useRef(initialVersion);
  const savedJson = useRef(JSON.stringify(initial));
  const valueRef = useRef(value);
  const inFlight = useRef(false);
  const blocked = useRef(false); // while a conflict is open
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  const fromConflictRef = useRef(fromConflict);
  const flushRef = useRef<() => Promise<void>>(async () => {});
  const pendingTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // valueRef is set wherever the value is set (never from a render, which may lag behind).
  useEffect(() => {
    saveRef.current = save;
    fromConflictRef.current = fromConflict;
  });

  /**
   * Copies the unsent value to localStorage now (or clears the copy when all is saved). Its callers
   * that must include held edits (leaving, unloading, saving) release them first; the copy every
   * PENDING_WRITE_MS while typing does not, so that it never does a held edit's work out of turn.
   */
  const writePendingNow = useCallback(() => {
    if (pendingTimer.current) clearTimeout(pendingTimer.current);
    pendingTimer.current = null;
    const unsent = JSON.stringify(valueRef.current) !== savedJson.current;
    writePending(storageKey, unsent ? { version: version.current, value: valueRef.current } : null);
  }, [storageKey]);

  const flush = useCallback(async (): Promise<void> => {
    releaseHeldEdits();
    if (pendingTimer.current) writePendingNow();
    if (inFlight.current || blocked.current) return;
    const current = valueRef.current;
    const json = JSON.stringify(current);
    if (json === savedJson.current) {
      writePending(storageKey, null);
      setStatus("saved");
      return;
    }
    if (typeof navigator !== "undefined" && navigator.onLine === false) {
      setStatus("offline");
      return;
    }
    inFlight.current = true;
    setStatus("saving");
    let again = false;
    try {
      const result = await saveRef.current(current, version.current);
      if (result.ok) {
        version.current = result.data.version;
        savedJson.current = json;
        setFailure(null);
        if (JSON.stringify(valueRef.current) === json) {
          writePending(storageKey, null);
          setStatus("saved");
        } else {
          writePending(storageKey, { version: version.current, value: valueRef.current });
          again = true;
        }
      } else if (result.code === "CONFLICT") {
        const theirs = fromConflictRef.current?.(result.current) ?? null;
        blocked.current = true;
        setFailure(result);
        setStatus("conflict");
        if (theirs) setConflict({ mine: current, theirs: theirs.value, theirVersion: theirs.version });
      } else {
        setFailure(result);
        setStatus("error");
      }
    } catch {
      // The request did not reach the server: keep the change and try again.
      setStatus("offline");
      timer.current = setTimeout(() => void flushRef.current(), 5_000);
    } finally {
      inFlight.current = false;
    }
    if (again) void flushRef.current();
  }, [storageKey, writePendingNow]);
  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), delayMs);
  }, [delayMs, flush]);

  // Restore what was typed but not sent (a lost connection, a closed tab). localStorage is only
  // readable after hydration, so this must be an effect that sets state.
  useEffect(() => {
    const pending = readPending<T>(storageKey);
    if (!pending) return;
    if (JSON.stringify(pending.value) === savedJson.current || same?.(pending.value, initial)) {
      writePending(storageKey, null);
      return;
    }
    valueRef.current = pending.value;
    if (pending.version === initialVersion) {
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setValue(pending.value);
      setStatus("dirty");
      schedule();
    } else {
      // Someone saved since: show both rather than overwrite theirs.
      blocked.current = true;
      setValue(pending.value);
      setStatus("conflict");
      setConflict({ mine: pending.value, theirs: initial, theirVersion: initialVersion });
    }
    // Runs once on mount for this record.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storageKey]);

  useEffect(() => {
    const online = () => void flush();
    const beforeUnload = (e: BeforeUnloadEvent) => {
      releaseHeldEdits();
      if (pendingTimer.current) writePendingNow();
      if (JSON.stringify(valueRef.current) !== savedJson.current) e.preventDefault();
    };
    const leaving = () => {
      releaseHeldEdits();
      if (pendingTimer.current) writePendingNow();
    };
    const hidden = () => {
      if (document.visibilityState === "hidden") leaving();
    };
    window.addEventListener("online", online);
    window.addEventListener("beforeunload", beforeUnload);
    window.addEventListener("pagehide", leaving);
    document.addEventListener("visibilitychange", hidden);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("beforeunload", beforeUnload);
      window.removeEventListener("pagehide", leaving);
      document.removeEventListener("visibilitychange", hidden);
      leaving();
    };
  }, [flush, writePendingNow]);

  const update = useCallback(
    (next: T | ((prev: T) => T)) => {
      // Computed here, not in a state updater React may run later: a save finishing in between
      // must see this change, or it would report "Sparat" while the change is still unsent.
      const v = typeof next === "function" ? (next as (p: T) => T)(valueRef.current) : next;
      valueRef.current = v;
      pendingTimer.current ??= setTimeout(writePendingNow, PENDING_WRITE_MS);
      setValue(v);
      if (!blocked.current) {
        setStatus((s) => (s === "saving" ? s : "dirty"));
        schedule();
      }
    },
    [schedule, writePendingNow],
  );

  /** Settle a conflict: keep my version (saved over theirs, knowingly) or take theirs. */
  const resolve = useCallback(
    (choice: "mine" | "theirs") => {
      if (!conflict) return;
      version.current = conflict.theirVersion;
      blocked.current = false;
      setConflict(null);
      setFailure(null);
      if (choice === "theirs") {
        savedJson.current = JSON.stringify(conflict.theirs);
        valueRef.current = conflict.theirs;
        setValue(conflict.theirs);
        writePending(storageKey, null);
        setStatus("saved");
      } else {
        savedJson.current = JSON.stringify(conflict.theirs);
        setStatus("dirty");
        void flush();
      }
    },
    [conflict, flush, storageKey],
  );

  return { value, update, status, failure, conflict, resolve, saveNow: flush };
}
