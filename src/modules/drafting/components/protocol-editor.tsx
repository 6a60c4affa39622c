"use client";

// The secretary's workspace for one protocol: header, attendance and every §, each autosaved on
// its own, with the protocol checker running live on what is typed (not only on what is saved).
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useMemo, useState, useTransition } from "react";
import type { IsoDate } from "@/lib/iso-date";
import { exampleCaseNumber } from "@/domain/protocol/protocol.format";
import { formatParagraphRanges, parseParagraphRanges } from "@/lib/paragraph-ranges";
import { SmallButton, TextField } from "@/modules/drafting/editor/fields";
import { addParagraphAction, deleteParagraphAction, moveParagraphAction } from "@/modules/drafting/paragraph.actions";
import { ParagraphEditor } from "@/modules/drafting/components/paragraph-editor";
import { toParagraphDTO } from "@/modules/drafting/paragraph.content";
import type { ParagraphContentInput } from "@/modules/drafting/paragraph.schema";
import { CheckerPanel } from "@/modules/drafting/components/checker-panel";
import type { PersonOption } from "@/server/protocol.queries";
import type { AttendanceDTO, ProtocolDTO } from "@/domain/protocol/protocol.types";
import { computeParticipation } from "@/domain/rules/attendance.rules";
import { checkProtocol } from "@/domain/rules/protocol-checker";
import { hasSignersPerParagraph, signerAssignments } from "@/domain/rules/signers.rules";
import { AttendanceEditor, type AttendanceRowValue } from "./attendance-editor";
import { HeaderEditor, type HeaderValue } from "./header-editor";
import { SignersEditor, type SignerRowValue } from "./signers-editor";

export interface ProtocolEditorProps {
  protocol: ProtocolDTO;
  meetingVersion: number;
  attendanceVersion: number;
  signersVersion: number;
  paragraphVersions: Record<string, number>;
  initialContents: Record<string, ParagraphContentInput>;
  secretaryPersonId: string | null;
  people: PersonOption[];
  /** Today in Sweden by the server's clock, for the live checks' deadlines. */
  today: IsoDate;
}

export function ProtocolEditor(props: ProtocolEditorProps) {
  const { protocol } = props;
  // People added in the attendance list join every person list on the page at once.
  const [added, setAdded] = useState<PersonOption[]>([]);
  const people = useMemo(() => {
    const known = new Set(props.people.map((p) => p.personId));
    return [...props.people, ...added.filter((p) => !known.has(p.personId))];
  }, [props.people, added]);
  const onPersonAdded = useCallback((p: PersonOption) => setAdded((prev) => [...prev, p]), []);
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const [newTitle, setNewTitle] = useState("");

  const initialHeader: HeaderValue = useMemo(
    () => ({
      date: protocol.meeting.date,
      startTime: protocol.meeting.startTime ?? "",
      endTime: protocol.meeting.endTime ?? "",
      place: protocol.meeting.place,
      adjustmentPlace: protocol.meeting.adjustmentPlace ?? "",
      adjustmentDate: protocol.meeting.adjustmentDate ?? "",
      adjustmentTime: protocol.meeting.adjustmentTime ?? "",
      secretaryPersonId: props.secretaryPersonId ?? "",
      adjusterPersonIds: protocol.adjusters.map((a) => a.personId),
    }),
    [protocol, props.secretaryPersonId],
  );
  const initialAttendance: AttendanceRowValue[] = useMemo(
    () =>
      protocol.attendance.map((a) => ({
        personId: a.personId,
        name: a.name,
        role: a.role,
        represents: a.represents ?? "",
        title: a.title ?? "",
        ranges: a.ranges.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`)).join(", "),
        replacesPersonId: a.replacesPersonId ?? "",
        arrivalTime: a.arrivalTime ?? "",
        departureTime: a.departureTime ?? "",
      })),
    [protocol],
  );

  const initialSigners: SignerRowValue[] = useMemo(
    () =>
      (protocol.signers ?? []).map((s) => ({
        role: s.role,
        personId: s.personId,
        ranges: formatParagraphRanges(s.ranges, "bare"),
      })),
    [protocol],
  );

  const [header, setHeader] = useState(initialHeader);
  const [attendance, setAttendance] = useState(initialAttendance);
  const [signerRows, setSignerRows] = useState(initialSigners);
  const [contents, setContents] = useState(props.initialContents);
  const onParagraph = useCallback(
    (id: string, c: ParagraphContentInput) => setContents((prev) => (prev[id] === c ? prev : { ...prev, [id]: c })),
    [],
  );

  const attendancePersonIds = useMemo(() => attendance.map((r) => r.personId).filter(Boolean), [attendance]);
  const names = useMemo(() => new Map(people.map((p) => [p.personId, p.name])), [people]);
  const caseNumberExample = exampleCaseNumber(
    protocol.organisation,
    header.date.slice(0, 4) || protocol.meeting.date.slice(0, 4),
  );

  // The protocol as it stands on screen, for the live checks.
  const live: ProtocolDTO = useMemo(() => {
    const rows: AttendanceDTO[] = attendance.map((r, i) => {
      const parsed = r.ranges.trim() === "" ? { ok: true as const, ranges: [] } : parseParagraphRanges(r.ranges);
      return {
        personId: r.personId || `ny-${i}`,
        name: r.personId ? (names.get(r.personId) ?? r.name) : r.name,
        role: r.role,
        represents: r.represents || null,
        title: r.title || null,
        ranges: parsed.ok ? parsed.ranges : [],
        replacesPersonId: r.replacesPersonId || null,
        arrivalTime: r.arrivalTime || null,
        departureTime: r.departureTime || null,
      };
    });
    return {
      ...protocol,
      meeting: {
        ...protocol.meeting,
        date: header.date,
        startTime: header.startTime || null,
        endTime: header.endTime || null,
        place: header.place,
        adjustmentPlace: header.adjustmentPlace || null,
        adjustmentDate: header.adjustmentDate || null,
        adjustmentTime: header.adjustmentTime || null,
      },
      secretary: header.secretaryPersonId
        ? { personId: header.secretaryPersonId, name: names.get(header.secretaryPersonId) ?? "" }
        : null,
      adjusters: header.adjusterPersonIds.filter(Boolean).map((id) => ({ personId: id, name: names.get(id) ?? "" })),
      signers: signerRows
        .filter((r) => r.personId)
        .map((r) => {
          const parsed = r.ranges.trim() === "" ? { ok: true as const, ranges: [] } : parseParagraphRanges(r.ranges);
          return {
            personId: r.personId,
            name: names.get(r.personId) ?? "",
            role: r.role,
            ranges: parsed.ok ? parsed.ranges : [],
          };
        }),
      attendance: rows,
      paragraphs: protocol.paragraphs.map((p) => (contents[p.id] ? toParagraphDTO(p, contents[p.id]!, names) : p)),
    };
  }, [protocol, header, attendance, signerRows, contents, names]);

  // Per-§ signers start from the signers as they are: secretary, chairs, justerare, whole meeting.
  const suggestSigners = useCallback(
    (): SignerRowValue[] =>
      signerAssignments({ ...live, signers: [] })
        .filter((a) => names.has(a.personId))
        .map((a) => ({ role: a.role, personId: a.personId, ranges: "" })),
    [live, names],
  );

  const { today } = props;
  const findings = useMemo(() => checkProtocol(live, { now: today }), [live, today]);
  const participation = useMemo(() => computeParticipation(live), [live]);
  const present = useMemo(() => {
    const seen = new Map<string, string>();
    for (const a of live.attendance) if (!seen.has(a.personId)) seen.set(a.personId, a.name);
    return [...seen].map(([personId, name]) => ({ personId, name }));
  }, [live]);
  const chairName = live.attendance.find((a) => a.role === "CHAIR")?.name ?? null;

  // The header, attendance and signers editors edit the meeting, choosing among its people.
  const meetingEditor = { meetingId: protocol.meeting.id, people };

  const run = (action: () => Promise<{ ok: boolean; message?: string }>) =>
    startTransition(async () => {
      const result = await action();
      setMessage(result.ok ? null : (result.message ?? "Det gick inte."));
      if (result.ok) router.refresh();
    });

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <div>
        <HeaderEditor
          {...meetingEditor}
          initial={initialHeader}
          initialVersion={props.meetingVersion}
          attendancePersonIds={attendancePersonIds}
          signersPerParagraph={hasSignersPerParagraph(live)}
          onValue={setHeader}
        />
        <AttendanceEditor
          {...meetingEditor}
          initial={initialAttendance}
          initialVersion={props.attendanceVersion}
          paragraphNumbers={protocol.paragraphs.map((p) => p.number)}
          onValue={setAttendance}
          onPersonAdded={onPersonAdded}
        />
        <SignersEditor
          {...meetingEditor}
          initial={initialSigners}
          initialVersion={props.signersVersion}
          suggest={suggestSigners}
          onValue={setSignerRows}
        />

        {message && (
          <p role="alert" className="mt-4 rounded border border-red-700 bg-red-50 p-2">
            {message}
          </p>
        )}

        {protocol.paragraphs.map((p, i) => (
          <ParagraphEditor
            key={p.id}
            paragraph={p}
            meetingSlug={protocol.meeting.slug}
            onAttachmentsChanged={() => router.refresh()}
            initial={props.initialContents[p.id]!}
            initialVersion={props.paragraphVersions[p.id]!}
            bodyName={protocol.body.name}
            genitiveName={protocol.body.genitiveName}
            caseNumberExample={caseNumberExample}
            chairName={chairName}
            participants={participation.find((x) => x.paragraphNumber === p.number)?.participants ?? []}
            voters={participation.find((x) => x.paragraphNumber === p.number)?.voters ?? []}
            present={present}
            isFirst={i === 0}
            isLast={i === protocol.paragraphs.length - 1}
            onValue={onParagraph}
            onMove={(direction) => run(() => moveParagraphAction({ paragraphId: p.id, direction }))}
            onDelete={() => {
              if (window.confirm(`Ta bort § ${p.number} ${p.title}? Det går inte att ångra.`))
                run(() => deleteParagraphAction({ paragraphId: p.id }));
            }}
          />
        ))}

        <form
          className="mt-8 flex flex-wrap items-end gap-2 rounded border-2 border-dashed border-slate-400 p-4"
          onSubmit={(e) => {
            e.preventDefault();
            run(async () => {
              const result = await addParagraphAction({ meetingId: protocol.meeting.id, title: newTitle });
              if (result.ok) setNewTitle("");
              return result;
            });
          }}
        >
          <TextField
            className="flex-1"
            id="ny-paragraf"
            label="Ny paragraf: rubrik"
            value={newTitle}
            onChange={setNewTitle}
          />
          <button
            type="submit"
            disabled={pending}
            className="rounded bg-[var(--color-brand)] px-4 py-2 font-semibold text-white disabled:opacity-60"
          >
            Lägg till paragraf
          </button>
        </form>
      </div>

      <aside
        aria-label="Kontroller och förhandsvisning"
        className="lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto"
      >
        <p className="mb-3">
          <Link
            href={`/moten/${protocol.meeting.slug}`}
            className="text-[var(--color-brand)] underline underline-offset-2"
          >
            Förhandsvisa protokollet
          </Link>
        </p>
        <CheckerPanel findings={findings} />
        <SmallButton onClick={() => router.refresh()}>Hämta senaste från servern</SmallButton>
      </aside>
    </div>
  );
}
