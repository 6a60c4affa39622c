"use client";

// The secretary's workspace for one protocol: header, attendance and every §, each autosaved on
// its own, with the protocol checker running live on what is typed (not only on what is saved).
import Link from "next/link";
import type { ReactNode } from "react";
import { useRouter } from "next/navigation";
import {
  startTransition as startIdleTransition,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useTransition,
} from "react";
import type { IsoDate } from "@/lib/iso-date";
import { exampleCaseNumber } from "@/domain/protocol/protocol.format";
import { formatParagraphRanges } from "@/lib/paragraph-ranges";
import { SmallButton, TextField } from "@/modules/drafting/editor/fields";
import { addParagraphAction, deleteParagraphAction, moveParagraphAction } from "@/modules/drafting/paragraph.actions";
import { ParagraphEditor } from "@/modules/drafting/components/paragraph-editor";
import { createEditorStore, sameJson, useEditorStore } from "@/modules/drafting/editor/editor-store";
import { createLiveProtocolBuilder, liveAttendance } from "@/modules/drafting/editor/live-protocol";
import { toParagraphContent } from "@/modules/drafting/paragraph.content";
import { LiveCheckerPanel } from "@/modules/drafting/components/live-checker-panel";
import type { PersonOption } from "@/server/protocol.queries";
import type { ProtocolDTO } from "@/domain/protocol/protocol.types";
import { computeParticipation } from "@/domain/rules/attendance.rules";
import { signerAssignments } from "@/domain/rules/signers.rules";
import { AttendanceEditor, type AttendanceRowValue } from "./attendance-editor";
import { HeaderEditor, type HeaderValue } from "./header-editor";
import { SignersEditor, type SignerRowValue } from "./signers-editor";

export interface ProtocolEditorProps {
  protocol: ProtocolDTO;
  meetingVersion: number;
  attendanceVersion: number;
  signersVersion: number;
  paragraphVersions: Record<string, number>;
  secretaryPersonId: string | null;
  people: PersonOption[];
  /** Today in Sweden by the server's clock, for the live checks' deadlines. */
  today: IsoDate;
  /** "Paragraf från mall" (the body's § templates), offered beside "Lägg till paragraf". */
  addFromTemplate?: ReactNode;
}

export function ProtocolEditor(props: ProtocolEditorProps) {
  const { protocol } = props;
  // Each §'s editable content, from the § itself (not sent a second time in the page's payload).
  const initialContents = useMemo(
    () => Object.fromEntries(protocol.paragraphs.map((p) => [p.id, toParagraphContent(p)])),
    [protocol],
  );
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

  // The working copy of every part, written by the part's own editor; this component re-renders
  // only when what it derives (participation, the year, signers per §) changes, not on a keystroke.
  const [store] = useState(() =>
    createEditorStore({
      header: initialHeader,
      attendance: initialAttendance,
      signerRows: initialSigners,
      contents: initialContents,
    }),
  );
  const [buildLive] = useState(createLiveProtocolBuilder);
  const mounted = useProgressiveCount(protocol.paragraphs.length);
  const year = useEditorStore(store, ["header"], (s) => s.header.date.slice(0, 4));
  const attendance = useEditorStore(store, ["attendance"], (s) => s.attendance);
  const signersPerParagraph = useEditorStore(store, ["signers"], (s) => s.signerRows.some((r) => r.personId));
  const recusals = useEditorStore(
    store,
    ["recusals"],
    (s) => Object.fromEntries(Object.entries(s.contents).map(([id, c]) => [id, c.recusals.map((r) => r.personId)])),
    sameJson,
  );

  const attendancePersonIds = useMemo(() => attendance.map((r) => r.personId).filter(Boolean), [attendance]);
  const names = useMemo(() => new Map(people.map((p) => [p.personId, p.name])), [people]);
  const caseNumberExample = exampleCaseNumber(protocol.organisation, year || protocol.meeting.date.slice(0, 4));

  // Who takes part in each § (attendance and jäv as typed), each § keeping the same lists while
  // they are unchanged so that its editor is not re-rendered.
  const liveRows = useMemo(() => liveAttendance(attendance, names), [attendance, names]);
  const participation = useMemo(
    () =>
      computeParticipation({
        body: protocol.body,
        attendance: liveRows,
        paragraphs: protocol.paragraphs.map((p) => ({
          number: p.number,
          recusals: (recusals[p.id] ?? p.recusals.map((r) => r.personId)).map((personId) => ({
            personId,
            name: names.get(personId) ?? "?",
            reason: "",
          })),
        })),
      }),
    [protocol, liveRows, recusals, names],
  );
  const stable = useStableValues();
  const present = stable(
    "present",
    (() => {
      const seen = new Map<string, string>();
      for (const a of liveRows) if (!seen.has(a.personId)) seen.set(a.personId, a.name);
      return [...seen].map(([personId, name]) => ({ personId, name }));
    })(),
  );
  const chairName = liveRows.find((a) => a.role === "CHAIR")?.name ?? null;

  // Per-§ signers start from the signers as they are: secretary, chairs, justerare, whole meeting.
  const suggestSigners = useCallback(
    (): SignerRowValue[] =>
      signerAssignments({ ...buildLive(protocol, store.get(), names), signers: [] })
        .filter((a) => names.has(a.personId))
        .map((a) => ({ role: a.role, personId: a.personId, ranges: "" })),
    [buildLive, protocol, store, names],
  );

  // The header, attendance and signers editors edit the meeting, choosing among its people.
  const meetingEditor = useMemo(() => ({ meetingId: protocol.meeting.id, people }), [protocol.meeting.id, people]);
  const paragraphNumbers = useMemo(() => protocol.paragraphs.map((p) => p.number), [protocol]);

  const run = useCallback(
    (action: () => Promise<{ ok: boolean; message?: string }>) =>
      startTransition(async () => {
        const result = await action();
        setMessage(result.ok ? null : (result.message ?? "Det gick inte."));
        if (result.ok) router.refresh();
      }),
    [router],
  );
  const refresh = useCallback(() => router.refresh(), [router]);
  const onMove = useCallback(
    (paragraphId: string, direction: "up" | "down") => run(() => moveParagraphAction({ paragraphId, direction })),
    [run],
  );
  const onDelete = useCallback(
    (p: { id: string; number: number; title: string }) => {
      if (window.confirm(`Ta bort § ${p.number} ${p.title}? Det går inte att ångra.`))
        run(() => deleteParagraphAction({ paragraphId: p.id }));
    },
    [run],
  );

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <div>
        <HeaderEditor
          {...meetingEditor}
          initial={initialHeader}
          initialVersion={props.meetingVersion}
          attendancePersonIds={attendancePersonIds}
          signersPerParagraph={signersPerParagraph}
          onValue={store.setHeader}
        />
        <AttendanceEditor
          {...meetingEditor}
          initial={initialAttendance}
          initialVersion={props.attendanceVersion}
          paragraphNumbers={paragraphNumbers}
          onValue={store.setAttendance}
          onPersonAdded={onPersonAdded}
        />
        <SignersEditor
          {...meetingEditor}
          initial={initialSigners}
          initialVersion={props.signersVersion}
          suggest={suggestSigners}
          onValue={store.setSigners}
        />

        {message && (
          <p role="alert" className="mt-4 rounded border border-red-700 bg-red-50 p-2">
            {message}
          </p>
        )}

        {protocol.paragraphs.map((p, i) => {
          if (i >= mounted) return <ParagraphPlaceholder key={p.id} number={p.number} title={p.title} />;
          const part = participation.find((x) => x.paragraphNumber === p.number);
          return (
            <ParagraphEditor
              key={p.id}
              paragraph={p}
              meetingSlug={protocol.meeting.slug}
              onAttachmentsChanged={refresh}
              initial={initialContents[p.id]!}
              initialVersion={props.paragraphVersions[p.id]!}
              bodyName={protocol.body.name}
              genitiveName={protocol.body.genitiveName}
              previewFrame={protocol}
              caseNumberExample={caseNumberExample}
              chairName={chairName}
              participants={stable(`participants-${p.id}`, part?.participants ?? [])}
              voters={stable(`voters-${p.id}`, part?.voters ?? [])}
              present={present}
              isFirst={i === 0}
              isLast={i === protocol.paragraphs.length - 1}
              onValue={store.setParagraph}
              onMove={onMove}
              onDelete={onDelete}
            />
          );
        })}

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
        {props.addFromTemplate && (
          <div className="mt-3 rounded border border-slate-300 p-4">{props.addFromTemplate}</div>
        )}
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
        <LiveCheckerPanel store={store} protocol={protocol} names={names} today={props.today} buildLive={buildLive} />
        <SmallButton onClick={() => router.refresh()}>Hämta senaste från servern</SmallButton>
      </aside>
    </div>
  );
}

/**
 * Keeps a derived value (a list of people) the same object while it is equal, so that the memoised
 * editors receiving it are not re-rendered: `stable(key, value)` is the value last given for `key`
 * when that equals `value` as JSON.
 */
function useStableValues() {
  const cache = useRef(new Map<string, unknown>());
  return <T,>(key: string, value: T): T => {
    const previous = cache.current.get(key) as T | undefined;
    if (previous !== undefined && sameJson(previous, value)) return previous;
    cache.current.set(key, value);
    return value;
  };
}

/** §§ rendered in full at once (on the server and at hydration); the rest follow in the background. */
const FIRST_PARAGRAPHS = 2;
/** §§ mounted per idle period after that. */
const PARAGRAPHS_PER_STEP = 1;

/**
 * How many §§ to render in full: FIRST_PARAGRAPHS at first, then PARAGRAPHS_PER_STEP more whenever
 * the browser is idle, as a transition (typing goes first), until all are; then all, always. A long
 * protocol is so interactive as soon as its first §§ are, not after all of its rich-text editors
 * have been created.
 */
function useProgressiveCount(total: number): number {
  const [count, setCount] = useState(FIRST_PARAGRAPHS);
  const done = count >= total;
  useEffect(() => {
    if (done) return;
    const idle = typeof window.requestIdleCallback === "function";
    const next = () => startIdleTransition(() => setCount((c) => c + PARAGRAPHS_PER_STEP));
    const handle = idle ? window.requestIdleCallback(next, { timeout: 200 }) : window.setTimeout(next, 16);
    return () => (idle ? window.cancelIdleCallback(handle) : window.clearTimeout(handle));
  }, [count, done]);
  return done ? Infinity : count;
}

/** A § not yet rendered in full: its heading, where the § will be, so links to it already work. */
function ParagraphPlaceholder({ number, title }: { number: number; title: string }) {
  return (
    <section
      id={`paragraf-${number}`}
      aria-labelledby={`p${number}-rubrik`}
      aria-busy="true"
      className="mt-8 min-h-96 rounded border-2 border-slate-300 p-4"
    >
      <h2 id={`p${number}-rubrik`} className="text-xl font-semibold">
        § {number} {title || "(utan rubrik)"}
      </h2>
      <p className="mt-2 text-slate-700">Läser in paragrafen…</p>
    </section>
  );
}
