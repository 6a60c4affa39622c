"use client";

// The organisation's own settings: its name, where its protocols are kept, its anslagstavla, the
// free wording of the notice and who certifies it, with a preview of the notice. The facts the law
// requires (the body, the meeting and justering dates, the posting and take-down dates, the
// förvaringsplats) are always printed and cannot be edited away.
import { useState, type FormEvent } from "react";
import { DEFAULT_NOTICE_WORDING } from "@/domain/rules/bodies.rules";
import { updateOrganisationFormAction } from "@/modules/administration/bodies.actions";
import type { OrganisationSettings } from "@/modules/administration/bodies.queries";
import { FormStatus, InputField, SubmitButton, useAdminForm } from "./form-controls";

export function OrganisationForm({ organisation }: { organisation: OrganisationSettings }) {
  const { state, action, err, value } = useAdminForm(updateOrganisationFormAction);
  const F = "organisation";
  const [wording, setWording] = useState(value("noticeWording", organisation.noticeWording ?? ""));
  const [storagePlace, setStoragePlace] = useState(value("storagePlace", organisation.storagePlace ?? ""));
  const [noticeBoard, setNoticeBoard] = useState(value("noticeBoard", organisation.noticeBoard ?? ""));
  const [certifier, setCertifier] = useState(value("noticeCertifier", organisation.noticeCertifier ?? ""));
  const wordingError = err("noticeWording");
  // The preview follows what is typed (the inputs stay uncontrolled, so the form works without JavaScript).
  const follow = (e: FormEvent<HTMLFormElement>) => {
    const { name, value: typed } = e.target as HTMLInputElement;
    if (name === "storagePlace") setStoragePlace(typed);
    if (name === "noticeBoard") setNoticeBoard(typed);
    if (name === "noticeCertifier") setCertifier(typed);
  };
  return (
    <div className="mt-4 grid gap-8 lg:grid-cols-2">
      <form key={state.attempt} id={F} action={action} onInput={follow} className="max-w-2xl space-y-4" noValidate>
        <input type="hidden" name="organisationId" value={organisation.id} />
        <FormStatus state={state} />
        <InputField
          form={F}
          name="name"
          label="Organisationens namn"
          required
          autoComplete="organization"
          defaultValue={value("name", organisation.name)}
          error={err("name")}
        />
        <InputField
          form={F}
          name="storagePlace"
          label="Förvaringsplats för protokollen"
          hint={`T.ex. Kommunkansliet, Stadshuset. Lämnas tomt skrivs organisationens namn (${organisation.name}).`}
          defaultValue={value("storagePlace", organisation.storagePlace ?? "")}
          error={err("storagePlace")}
        />
        <InputField
          form={F}
          name="noticeBoard"
          label="Anslagstavla"
          hint="Webbadressen till den digitala anslagstavlan, eller platsen där anslaget sitter."
          defaultValue={value("noticeBoard", organisation.noticeBoard ?? "")}
          error={err("noticeBoard")}
        />
        <InputField
          form={F}
          name="noticeCertifier"
          label="Anslaget intygas av"
          hint="Namn och titel, t.ex. Anna Berg, nämndsekreterare. Kan ändras för ett enskilt protokoll före justeringen."
          defaultValue={value("noticeCertifier", organisation.noticeCertifier ?? "")}
          error={err("noticeCertifier")}
        />
        <div>
          <label htmlFor={`${F}-noticeWording`} className="block font-medium">
            Anslagets text
          </label>
          <p id={`${F}-noticeWording-hint`} className="text-sm text-[var(--color-muted)]">
            Den fria texten överst i anslaget. Organ, datum och förvaringsplats skrivs alltid ut under den. Lämnas tomt:
            ”{DEFAULT_NOTICE_WORDING}”
          </p>
          <textarea
            id={`${F}-noticeWording`}
            name="noticeWording"
            rows={4}
            value={wording}
            onChange={(e) => setWording(e.target.value)}
            aria-invalid={wordingError ? true : undefined}
            aria-describedby={[`${F}-noticeWording-hint`, wordingError ? `${F}-noticeWording-error` : null]
              .filter(Boolean)
              .join(" ")}
            className="mt-1 w-full rounded border border-slate-500 bg-white px-2 py-1.5 text-base aria-[invalid=true]:border-red-700"
          />
          {wordingError && (
            <p id={`${F}-noticeWording-error`} className="mt-1 text-sm text-red-800">
              {wordingError}
            </p>
          )}
        </div>
        <SubmitButton pendingText="Sparar…">Spara organisationens uppgifter</SubmitButton>
      </form>
      <NoticePreview
        organisationName={organisation.name}
        wording={wording}
        storagePlace={storagePlace}
        noticeBoard={noticeBoard}
        certifier={certifier}
      />
    </div>
  );
}

/** The notice as it will read, with example dates where a protocol's own facts go. */
function NoticePreview(props: {
  organisationName: string;
  wording: string;
  storagePlace: string;
  noticeBoard: string;
  certifier: string;
}) {
  const rows: [string, string][] = [
    ["Organ", "(organets namn)"],
    ["Sammanträdesdatum", "(sammanträdets datum)"],
    ["Datum då anslaget sätts upp", "(justeringsdagen)"],
    ["Datum då anslaget tas ned", "(tidigast tre veckor senare)"],
    ["Förvaringsplats för protokollet", props.storagePlace.trim() || props.organisationName],
    ...(props.noticeBoard.trim() ? [["Anslagstavla", props.noticeBoard.trim()] as [string, string]] : []),
  ];
  return (
    <section aria-labelledby="forhandsvisning" className="self-start rounded border border-slate-400 p-4">
      <h2 id="forhandsvisning" className="text-xl font-semibold">
        Förhandsvisning av anslaget
      </h2>
      <div className="mt-3 border border-black p-3">
        <p className="font-bold">ANSLAG/BEVIS</p>
        <p className="mt-1 whitespace-pre-line">{props.wording.trim() || DEFAULT_NOTICE_WORDING}</p>
        <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          {rows.map(([label, v]) => (
            <div key={label} className="contents">
              <dt className="font-semibold">{label}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-3 text-sm font-semibold">Underskrift</p>
        <p className="text-sm">{props.certifier.trim() || "(ingen angiven)"}</p>
      </div>
    </section>
  );
}
