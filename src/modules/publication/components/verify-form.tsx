"use client";

import { useActionState, useState } from "react";
import type { ScannedRecord, VerifyResult } from "@/modules/publication/verify";
import { verifyAction } from "@/modules/publication/verify.actions";
import { MAX_VERIFY_BYTES, VERIFY_TOO_LARGE } from "@/modules/publication/verify.limits";
import { LabelledField } from "@/ui/labelled-field";
import { SubmitButton } from "@/ui/submit-button";

/** /<org>/verifiera's form: `organisation` is the page's organisation (its slug), sent with the form. */
export function VerifyForm({ organisation }: { organisation: string }) {
  const [serverResult, action, pending] = useActionState<VerifyResult | null, FormData>(verifyAction, null);
  // A file too large to be a protocol is refused here, before 20+ MB travel to the server.
  const [tooLarge, setTooLarge] = useState(false);
  const result: VerifyResult | null = tooLarge ? { match: false, message: VERIFY_TOO_LARGE } : serverResult;
  return (
    <>
      <form
        action={action}
        onSubmit={(e) => {
          const file = (e.currentTarget.elements.namedItem("pdf") as HTMLInputElement | null)?.files?.[0];
          const over = file !== undefined && file.size > MAX_VERIFY_BYTES;
          setTooLarge(over);
          if (over) e.preventDefault();
        }}
        className="mt-6 max-w-xl space-y-4"
      >
        <input type="hidden" name="organisation" value={organisation} />
        <LabelledField id="pdf" label="Protokollet som PDF">
          <input id="pdf" name="pdf" type="file" accept="application/pdf,.pdf" className="mt-1" />
        </LabelledField>
        <p>eller</p>
        <LabelledField id="code" label="Verifieringskod">
          <p id="code-hint" className="text-sm text-slate-700">
            Står i protokollet under underskrifterna.
          </p>
          <input
            id="code"
            name="code"
            aria-describedby="code-hint"
            className="mt-1 w-full rounded border border-slate-500 px-2 py-1.5 font-mono"
            autoComplete="off"
          />
        </LabelledField>
        <SubmitButton pending={pending} pendingText="Kontrollerar…">
          Verifiera
        </SubmitButton>
      </form>
      {result && (
        <div
          role="status"
          className={`mt-6 max-w-xl rounded border-2 p-4 ${result.match ? "border-green-700 bg-green-50" : result.scanned ? "border-amber-700 bg-amber-50" : "border-red-700 bg-red-50"}`}
        >
          {result.match ? (
            <>
              <p className="text-lg font-semibold">
                Äkta:{" "}
                {result.by === "pdf"
                  ? "filen är originalet till"
                  : result.by === "copy"
                    ? "filen är en kopia som Paragraf utfärdat av"
                    : "koden hör till"}{" "}
                ett justerat protokoll.
              </p>
              <p className="mt-1">
                {result.organisationName}, {result.bodyName}, sammanträde {result.meetingDate}
                {result.adjustedOn ? `, justerat ${result.adjustedOn}` : ""}.
              </p>
              {result.copy && (
                <>
                  <p className="mt-2">{result.copy.description}</p>
                  {!result.copy.isCurrent && (
                    <p className="mt-2 font-semibold">
                      Protokollet har fått rättelser eller ändrade anslagsdatum efter att kopian utfärdades. Den
                      aktuella versionen finns på{" "}
                      <a
                        href={result.copy.protocolPath}
                        className="text-[var(--color-brand)] underline underline-offset-2"
                      >
                        protokollets sida
                      </a>
                      .
                    </p>
                  )}
                </>
              )}
              <ul className="mt-2">
                {result.signers.map((s, i) => (
                  <li key={i}>
                    {s.name}, {s.role}, signerade{" "}
                    {new Date(s.signedAt).toLocaleString("sv-SE", { timeZone: "Europe/Stockholm" })} med {s.method}
                    {s.timestampedAt
                      ? `; tidsstämplad ${new Date(s.timestampedAt).toLocaleString("sv-SE", { timeZone: "Europe/Stockholm" })}`
                      : ""}
                  </li>
                ))}
              </ul>
              {result.longTerm && (
                <p className="mt-2">
                  {result.longTerm.complete
                    ? "Underlaget för långtidsvalidering är komplett: certifikatkedjor, spärrstatus (OCSP) och en dokumenttidsstämpel finns i PDF:en."
                    : `Underlaget för långtidsvalidering är inte komplett${result.longTerm.documentTimestamp ? "" : " (ingen dokumenttidsstämpel)"}: signaturerna kan behöva kontrolleras medan certifikaten är giltiga.`}
                </p>
              )}
              <p className="mt-2 break-all font-mono text-sm">Verifieringskod: {result.contentHash}</p>
            </>
          ) : result.scanned ? (
            <ScannedResult message={result.message} scanned={result.scanned} />
          ) : (
            <p className="font-semibold">{result.message}</p>
          )}
        </div>
      )}
    </>
  );
}

/** A scanned historical protocol: registered here, never signed here. Not a green "äkta". */
function ScannedResult({ message, scanned }: { message: string; scanned: ScannedRecord }) {
  return (
    <>
      <p className="text-lg font-semibold">{message}</p>
      <p className="mt-1">
        {scanned.organisationName}, {scanned.bodyName}, sammanträde {scanned.meetingDate}. Filen är samma som den som
        registrerades, men Paragraf har inte signerat den och intygar inte mer än det.
      </p>
      <p className="mt-2">
        <a href={scanned.protocolPath} className="text-[var(--color-brand)] underline underline-offset-2">
          Protokollets sida i arkivet
        </a>
      </p>
    </>
  );
}
