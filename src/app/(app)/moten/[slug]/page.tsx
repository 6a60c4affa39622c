import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { cache } from "react";
import { CheckerPanel, MeetingSettingsSection, findMeetingSettings } from "@/modules/drafting";
import { ProtocolView } from "@/ui/protocol-view";
import { meetingStatusLabel } from "@/domain/vocabulary";
import { NoticeSection } from "@/modules/notice";
import { SignoffSection, findAuditLog } from "@/modules/justering";
import { listTemplateChoices, TemplatePicker } from "@/modules/templates";
import { CorrectionsList } from "@/ui/corrections-list";
import { ExtractForm } from "@/ui/extract-form";
import { isAdjusted } from "@/domain/lifecycle";
import { checkProtocol } from "@/domain/rules/protocol-checker";
import { findProtocolBySlug, findSignoffInfo } from "@/server/protocol.queries";
import { findMeetingAccess } from "@/server/meeting-access";
import { authorize } from "@/server/authz";
import { today } from "@/server/clock";
import { getDb } from "@/server/db";
import { requireUser } from "@/server/session";
import { Breadcrumbs } from "@/ui/breadcrumbs";

const loadProtocol = cache((slug: string) => findProtocolBySlug(getDb(), slug));

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ klart?: string }> };

const DONE: Record<string, string> = {
  skickat: "Protokollet är skickat till justering. Ordförande och justerare har fått det i sin lista.",
  signerat: "Du har signerat protokollet.",
  justerat: "Du har signerat. Alla har nu signerat: protokollet är justerat och anslaget.",
  tillbaka: "Protokollet är skickat tillbaka till sekreteraren med din kommentar.",
  rattelse: "Rättelsen är signerad och tillagd i protokollet.",
  anslag: "Anslagets datum är sparade. Anslagstavlan och protokollets PDF visar dem.",
  numrering: "Första paragrafnumret är sparat; paragraferna är numrerade från det.",
  anslagsuppgifter: "Anslagets uppgifter är sparade. De skrivs in i anslaget när protokollet justeras.",
};

/** The protocol if the signed-in user may read it; 404 otherwise (do not reveal that it exists). */
const loadReadable = cache(async (slug: string) => {
  const user = await requireUser(`/moten/${slug}`);
  const access = await findMeetingAccess(getDb(), { slug });
  const read = access ? authorize(user, "meeting.read", access) : null;
  if (!access || !read?.ok) return null;
  const protocol = await loadProtocol(slug);
  if (!protocol) return null;
  const allowed = (p: Parameters<typeof authorize>[1]) => authorize(user, p, access).ok;
  const can = {
    canSend: allowed("protocol.sendForAdjustment"),
    canSign: allowed("protocol.sign"),
    canReturn: allowed("protocol.return"),
    canCorrect: allowed("protocol.correct"),
    canReadAudit: allowed("audit.read"),
    canLive: allowed("meeting.live"),
    roles: read.roles,
  };
  const [info, audit] = await Promise.all([
    findSignoffInfo(getDb(), access.id),
    can.canReadAudit ? findAuditLog(getDb(), access.id) : null,
  ]);
  return {
    access,
    protocol,
    canEdit: allowed("meeting.edit"),
    canEditNotice: allowed("notice.edit"),
    canExportEarkiv: allowed("earkiv.export"),
    can,
    info,
    audit,
    personId: user.personId,
  };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await loadReadable((await params).slug);
  return { title: found ? `${found.protocol.body.name} ${found.protocol.meeting.date}` : "Sammanträdet finns inte" };
}

export default async function MeetingPage({ params, searchParams }: Props) {
  const done = DONE[(await searchParams).klart ?? ""];
  const found = await loadReadable((await params).slug);
  if (!found) notFound();
  const { access, protocol, canEdit, canEditNotice, canExportEarkiv, can, info, audit, personId } = found;
  const settings = canEdit ? await findMeetingSettings(getDb(), protocol.meeting.slug) : null;
  const templates = canEdit ? await listTemplateChoices(getDb(), access.bodyId) : [];
  // One "today" for every section of the page: the server's clock (the test clock in e2e).
  const day = today();
  return (
    <>
      <Breadcrumbs
        links={[{ href: "/", label: "Organ och sammanträden" }]}
        current={`${protocol.body.name} ${protocol.meeting.date}`}
      />
      <div className="no-print mb-4 flex flex-wrap items-center gap-3">
        <p className="inline-block rounded bg-slate-100 px-2 py-1 text-sm">
          Status: {meetingStatusLabel[protocol.meeting.status]}
        </p>
        {canEdit && (
          <Link
            href={`/moten/${protocol.meeting.slug}/redigera`}
            className="rounded bg-[var(--color-brand)] px-3 py-1.5 text-sm font-semibold text-white"
          >
            Skriv protokoll
          </Link>
        )}
        {canEdit && (
          <Link
            href={`/moten/${protocol.meeting.slug}/till-protokoll`}
            className="text-sm text-[var(--color-brand)] underline underline-offset-2"
          >
            Från ärendelista till protokoll
          </Link>
        )}
        {can.canLive && (
          <Link
            href={`/moten/${protocol.meeting.slug}/live`}
            className="rounded border-2 border-[var(--color-brand)] px-3 py-1 text-sm font-semibold text-[var(--color-brand)]"
          >
            Sammanträdet live
          </Link>
        )}
        <Link
          href={`/moten/${protocol.meeting.slug}/kallelse`}
          className="text-sm text-[var(--color-brand)] underline underline-offset-2"
        >
          Kallelse med ärendelista
        </Link>
        <Link
          href={`/moten/${protocol.meeting.slug}/arenden`}
          className="text-sm text-[var(--color-brand)] underline underline-offset-2"
        >
          Ärenden före sammanträdet
        </Link>
        {canExportEarkiv && (
          // A download (zip), not a page: a plain link, so the browser saves it.
          <a
            href={`/moten/${protocol.meeting.slug}/e-arkiv`}
            download
            className="rounded border border-[var(--color-brand)] px-3 py-1.5 text-sm font-semibold text-[var(--color-brand)]"
          >
            Hämta e-arkivpaket (SIP)
          </a>
        )}
        {can.canReadAudit && (
          <Link
            href={`/moten/${protocol.meeting.slug}/forhinder`}
            className="text-sm text-[var(--color-brand)] underline underline-offset-2"
          >
            Förhinder och ersättare
          </Link>
        )}
      </div>
      {done && (
        <p role="status" className="no-print mb-4 rounded border border-green-700 bg-green-50 p-3 font-medium">
          {done}
        </p>
      )}
      <SignoffSection protocol={protocol} info={info} can={can} personId={personId} audit={audit} today={day} />
      <NoticeSection protocol={protocol} today={day} canEdit={canEditNotice} revisedAt={info.noticeRevisedAt} />
      {settings && <MeetingSettingsSection settings={settings} />}
      {canEdit && (
        <section aria-labelledby="fran-mall" className="no-print mb-6 rounded border border-slate-300 p-3">
          <h2 id="fran-mall" className="text-lg font-semibold">
            Paragraf från mall
          </h2>
          {templates.length > 0 ? (
            <TemplatePicker meetingId={access.id} slug={protocol.meeting.slug} templates={templates} />
          ) : (
            <p className="mt-1">Organet har inga paragrafmallar ännu.</p>
          )}
          <p className="mt-2 text-sm">
            <Link
              href={`/organ/${protocol.body.slug}/mallar`}
              className="text-[var(--color-brand)] underline underline-offset-2"
            >
              Organets paragrafmallar
            </Link>
          </p>
        </section>
      )}
      {protocol.meeting.status === "DRAFT" && <CheckerPanel findings={checkProtocol(protocol, { now: day })} />}
      {isAdjusted(protocol.meeting.status) && (
        <ExtractForm action={`/moten/${protocol.meeting.slug}/utdrag`} paragraphs={protocol.paragraphs} />
      )}
      <ProtocolView protocol={protocol} />
      <CorrectionsList corrections={info.corrections} />
    </>
  );
}
