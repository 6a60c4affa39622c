"use client";

// The organisation's own settings: its name, where its protocols are kept, its anslagstavla, the
// free wording of the notice and who certifies it, with a preview of the notice; and the example
// Dnr the secretaries see when they type one. The facts the law requires (the body, the meeting
// and justering dates, the posting and take-down dates, the förvaringsplats) are always printed
// and cannot be edited away.
import { useState, type FormEvent } from "react";
import { DEFAULT_NOTICE_WORDING } from "@/domain/rules/bodies.rules";
import { updateOrganisationFormAction } from "@/modules/administration/bodies.actions";
import type { OrganisationSettings } from "@/modules/administration/bodies.queries";
import { AdminForm, CheckboxField, InputField, SubmitButton, TextAreaField, useAdminForm } from "./form-controls";
import { TitledSection } from "@/ui/titled-section";

export function OrganisationForm({ organisation }: { organisation: OrganisationSettings }) {
  const F = "organisation";
  const { state, action, value, field, box } = useAdminForm(updateOrganisationFormAction, F);
  const stored = (
    name: Exclude<keyof OrganisationSettings, "id" | "bodies" | "publicNamesYears" | "noindexAfterAppeal">,
  ) => field(name, organisation[name] ?? "");
  const [typed, setTyped] = useState(() => ({
    noticeWording: value("noticeWording", organisation.noticeWording ?? ""),
    storagePlace: value("storagePlace", organisation.storagePlace ?? ""),
    noticeBoard: value("noticeBoard", organisation.noticeBoard ?? ""),
    noticeCertifier: value("noticeCertifier", organisation.noticeCertifier ?? ""),
  }));
  // The preview follows what is typed (the inputs stay uncontrolled, so the form works without JavaScript).
  const follow = (e: FormEvent<HTMLFormElement>) => {
    const { name, value: now } = e.target as HTMLInputElement;
    if (name in typed) setTyped((t) => ({ ...t, [name]: now }));
  };
  return (
    <div className="mt-4 grid gap-8 lg:grid-cols-2">
      <AdminForm
        id={F}
        state={state}
        action={action}
        hidden={{ organisationId: organisation.id }}
        className="max-w-2xl space-y-4"
        onInput={follow}
      >
        <InputField {...stored("name")} label="Organisationens namn" required autoComplete="organization" />
        <InputField
          {...stored("storagePlace")}
          label="Förvaringsplats för protokollen"
          hint={`T.ex. Kommunkansliet, Stadshuset. Lämnas tomt skrivs organisationens namn (${organisation.name}).`}
        />
        <InputField
          {...stored("noticeBoard")}
          label="Anslagstavla"
          hint="Webbadressen till den digitala anslagstavlan, eller platsen där anslaget sitter."
        />
        <InputField
          {...stored("noticeCertifier")}
          label="Anslaget intygas av"
          hint="Namn och titel, t.ex. Anna Berg, nämndsekreterare. Kan ändras för ett enskilt protokoll före justeringen."
        />
        <TextAreaField
          {...stored("noticeWording")}
          label="Anslagets text"
          rows={4}
          hint={`Den fria texten överst i anslaget. Organ, datum och förvaringsplats skrivs alltid ut under den. Lämnas tomt: ”${DEFAULT_NOTICE_WORDING}”`}
        />
        <InputField
          {...stored("caseNumberExample")}
          label="Exempel på diarienummer"
          autoComplete="off"
          hint="Visas för sekreteraren som exempel i fältet Dnr, t.ex. KS 2023/117. Lämnas tomt bildas exemplet av organisationens diarieprefix och året."
        />
        <fieldset className="space-y-4 rounded border border-slate-300 p-4">
          <legend className="px-1 font-semibold">Äldre protokoll på webben</legend>
          <InputField
            {...field("publicNamesYears", organisation.publicNamesYears?.toString() ?? "")}
            label="Visa personnamn i den publika kopian i antal år"
            autoComplete="off"
            hint="Efter så många år från justeringen ersätts namnen på alla personer i protokollet med [utelämnat] på webben, i PDF-kopian, i öppna data och i sökningen. Originalet ändras inte. Lämnas tomt visas namnen så länge protokollet finns på webben."
          />
          <CheckboxField
            {...box("noindexAfterAppeal", organisation.noindexAfterAppeal)}
            label="Be sökmotorer att inte indexera protokoll när överklagandetiden har gått ut"
            hint="Protokollets sida och PDF får noindex när anslaget har tagits ned. Arkivets egen sökning hittar dem fortfarande."
          />
        </fieldset>
        <SubmitButton pendingText="Sparar…">Spara organisationens uppgifter</SubmitButton>
      </AdminForm>
      <NoticePreview
        organisationName={organisation.name}
        wording={typed.noticeWording}
        storagePlace={typed.storagePlace}
        noticeBoard={typed.noticeBoard}
        certifier={typed.noticeCertifier}
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
    <TitledSection
      id="forhandsvisning"
      title="Förhandsvisning av anslaget"
      className="self-start rounded border border-slate-400 p-4"
    >
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
    </TitledSection>
  );
}
