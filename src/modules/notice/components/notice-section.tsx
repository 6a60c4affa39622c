// Anslag on the meeting page after justering: the dates as they stand, and for the secretary the
// form to change them within the law (notice.rules.ts).
import type { IsoDate } from "@/lib/iso-date";
import type { ProtocolDTO } from "@/domain/protocol/protocol.types";
import { noticeState } from "@/domain/lifecycle";
import { appealPeriodEnd, describeDeadline, noticeDeadline } from "@/domain/rules/deadlines.rules";
import { noticeEditWindow, type NoticeEditWindow } from "@/domain/rules/notice.rules";
import { NoticeBoard } from "@/ui/notice-board";
import { NoticeForm } from "./notice-form";
import { TitledSection } from "@/ui/titled-section";

const when = (iso: string) =>
  new Date(iso).toLocaleString("sv-SE", { timeZone: "Europe/Stockholm", dateStyle: "short", timeStyle: "short" });

/** The legal window the form offers, in one sentence. */
function describeWindow(w: NoticeEditWindow, adjustedOn: IsoDate, postedOn: IsoDate): string {
  const takeDown =
    "tas ned tidigast när tiden för överklagande har gått ut, tre veckor efter att det satts upp (13 kap. 5 § kommunallagen); lämnas nedtagningsdatumet tomt blir det den dagen.";
  if (!w.canMovePosting)
    return `Anslaget har suttit uppe sedan ${postedOn}, så det datumet ligger fast, och det ${takeDown}`;
  // latestPosting is noticeDeadline's end; describeDeadline names a weekend or holiday that moved it.
  return `Anslaget sätts upp tidigast ${w.earliestPosting} och senast ${describeDeadline(noticeDeadline(adjustedOn))} – andra dagen efter justeringen, 8 kap. 12 § kommunallagen – och ${takeDown}`;
}

export function NoticeSection(props: {
  protocol: ProtocolDTO;
  today: IsoDate;
  canEdit: boolean;
  revisedAt: string | null;
}) {
  const { protocol, today } = props;
  const { meeting, notice } = protocol;
  if (!notice || !meeting.adjustedOn) return null;
  const state = noticeState(notice, today);
  const bounds = noticeEditWindow({ adjustedOn: meeting.adjustedOn, current: notice, today });
  const status = {
    upcoming: `Anslaget sätts upp på anslagstavlan ${notice.postedOn}.`,
    up: "Anslaget sitter uppe på anslagstavlan.",
    down: `Anslaget togs ned ${notice.takeDownOn}.`,
  }[state];
  return (
    <TitledSection id="anslag-hantera" title="Anslag" className="no-print mb-8 rounded border border-slate-300 p-4">
      <p className="mt-1">{status}</p>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
        <dt className="font-medium">Anslaget sätts upp</dt>
        <dd>{notice.postedOn}</dd>
        <dt className="font-medium">Anslaget tas ned</dt>
        <dd>{notice.takeDownOn}</dd>
        <dt className="font-medium">Sista dag att överklaga</dt>
        <dd>{appealPeriodEnd(notice.postedOn).endsOn}</dd>
        <dt className="font-medium">Förvaringsplats för protokollet</dt>
        <dd>{notice.storagePlace}</dd>
        {notice.noticeBoard && (
          <>
            <dt className="font-medium">Anslagstavla</dt>
            <dd>
              <NoticeBoard value={notice.noticeBoard} />
            </dd>
          </>
        )}
        {notice.certifiedBy && (
          <>
            <dt className="font-medium">Anslaget intygas av</dt>
            <dd>{notice.certifiedBy}</dd>
          </>
        )}
      </dl>
      {props.revisedAt && (
        <p className="mt-2 text-sm">
          Datumen ändrades {when(props.revisedAt)}. Protokollets PDF visar de nya datumen; originalet från justeringen
          finns kvar oförändrat.
        </p>
      )}
      {props.canEdit && !bounds.isTakenDown && (
        <NoticeForm
          meetingId={meeting.id}
          slug={meeting.slug}
          notice={notice}
          bounds={bounds}
          rules={describeWindow(bounds, meeting.adjustedOn, notice.postedOn)}
        />
      )}
    </TitledSection>
  );
}
