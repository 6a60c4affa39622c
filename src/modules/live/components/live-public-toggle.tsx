"use client";
// In the live view: whether the meeting is streamed publicly (KL 5:40: fullmäktige's meetings are
// public; other bodies' only when decided), the switch (the secretary) and the public address.
import { useState } from "react";
import Link from "next/link";
import { setLivePublicAction } from "../live.public.actions";
import type { LivePublicSetting } from "../live.public.mutations";
import { LiveError } from "./live-controls";

const BUTTON =
  "min-h-12 rounded-lg border-2 border-[var(--color-brand)] bg-white px-4 py-2 text-base font-semibold text-[var(--color-brand)] focus-visible:outline focus-visible:outline-4 focus-visible:outline-offset-2 disabled:opacity-50";

export function LivePublicToggle({ initial, canSet }: { initial: LivePublicSetting; canSet: boolean }) {
  const [isPublic, setPublic] = useState(initial.public);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function set(setting: "on" | "off") {
    setBusy(true);
    setError(null);
    try {
      const result = await setLivePublicAction({ meetingId: initial.meetingId, setting });
      if (result.ok) setPublic(result.data.public);
      else setError(result.message);
    } catch {
      setError("Ingen kontakt med servern. Försök igen.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="offentlig-sandning" className="mb-6 flex flex-wrap items-center gap-3">
      <h2 id="offentlig-sandning" className="sr-only">
        Offentlig sändning
      </h2>
      <p data-testid="live-public-status">
        {isPublic ? (
          <>
            Sammanträdet sänds offentligt:{" "}
            <Link className="underline" href={initial.path} target="_blank">
              allmänhetens sida (öppnas i ny flik)
            </Link>
            .
          </>
        ) : (
          "Sammanträdet sänds inte offentligt."
        )}
        {initial.setting === null &&
          initial.fullmaktige &&
          " Fullmäktiges sammanträden är offentliga (5 kap. 40 § KL)."}
      </p>
      {canSet && (
        <button type="button" className={BUTTON} disabled={busy} onClick={() => void set(isPublic ? "off" : "on")}>
          {isPublic ? "Sluta sända offentligt" : "Sänd offentligt"}
        </button>
      )}
      <LiveError message={error} />
    </section>
  );
}
