"use client";

import type { ActionFailure } from "@/server/action";
import type { SaveStatus as Status } from "./use-autosave";

const text: Record<Status, string> = {
  saved: "Sparat",
  dirty: "Ändrat – sparas strax",
  saving: "Sparar…",
  offline: "Ingen anslutning – ändringarna finns kvar här och sparas när anslutningen är tillbaka",
  error: "Inte sparat",
  conflict: "Inte sparat – någon annan har ändrat samtidigt",
};

const tone: Record<Status, string> = {
  saved: "text-green-800",
  dirty: "text-slate-700",
  saving: "text-slate-700",
  offline: "text-amber-900",
  error: "text-red-800",
  conflict: "text-red-800",
};

/** The save state, announced politely to screen readers. */
export function SaveStatus({ status, failure }: { status: Status; failure: ActionFailure | null }) {
  return (
    <p role="status" aria-live="polite" className={`text-sm font-medium ${tone[status]}`}>
      {text[status]}
      {status === "error" && failure ? `: ${failure.message}` : ""}
    </p>
  );
}

/** Field errors of the last refused save, keyed by the schema's path ("content.title"). */
export function fieldError(failure: ActionFailure | null, path: string): string | undefined {
  if (!failure || failure.code !== "VALIDATION") return undefined;
  return failure.fieldErrors[path]?.join(" ");
}
