"use client";

// One autosaved part of the editor (Sammanträdet, Närvaro, Undertecknare, a §): its heading with the
// save status, the conflict alert when another person saved meanwhile, and its fields (which
// belong to the part's own form: form-owner.tsx).
import type { ReactNode } from "react";
import type { ActionFailure } from "@/server/action";
import { OwnForm } from "./form-owner";
import { SaveStatus } from "./save-status";
import type { SaveStatus as Status } from "./use-autosave";

export function EditorSection({
  id,
  headingId,
  title,
  save: { status, failure },
  offscreenHeight,
  className,
  actions,
  conflictMessage,
  children,
}: {
  id?: string;
  headingId: string;
  title: ReactNode;
  /** Its autosave's state (useAutosave). */
  save: { status: Status; failure: ActionFailure | null };
  /**
   * About how tall it is (px): off screen, the browser skips its layout and paint and reserves
   * this height until it has been rendered once (then its last real height). A long protocol has
   * thousands of fields; a key in one part lays out and paints that part only. Left out for a §,
   * whose wrapper does the same (paragraph-fold.tsx): a second estimate inside it, off by hundreds
   * of pixels, moved the page when a § above the screen was first rendered.
   */
  offscreenHeight?: number;
  /** Spacing before the section ("mt-6"). */
  className?: string;
  /** Buttons beside the save status. */
  actions?: ReactNode;
  /** Shown as an alert while the save is refused as a conflict. */
  conflictMessage?: string;
  children: ReactNode;
}) {
  const saveStatus = <SaveStatus status={status} failure={failure} />;
  return (
    <section
      id={id}
      aria-labelledby={headingId}
      className={`${className ? `${className} ` : ""}rounded border-2 border-slate-300 p-4`}
      style={
        offscreenHeight === undefined
          ? undefined
          : { contentVisibility: "auto", containIntrinsicBlockSize: `auto ${offscreenHeight}px` }
      }
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="text-xl font-semibold">
          {title}
        </h2>
        {actions ? (
          <div className="flex items-center gap-2">
            {saveStatus}
            {actions}
          </div>
        ) : (
          saveStatus
        )}
      </div>
      {conflictMessage && status === "conflict" && (
        <p role="alert" className="mt-2 rounded border border-red-700 bg-red-50 p-2">
          {conflictMessage}
        </p>
      )}
      <OwnForm id={`${headingId}-formular`}>{children}</OwnForm>
    </section>
  );
}
