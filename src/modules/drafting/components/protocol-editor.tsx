"use client";

// The secretary's workspace for one protocol: header, attendance and every §, each autosaved on
// its own, with the protocol checker running live on what is typed (not only on what is saved).
// It uses the screen's width: the § list (outline) and the checker in sticky side columns, every §
// foldable, a focused mode with one § at a time, and keyboard shortcuts (editor-shortcuts.tsx).
import Link from "next/link";
import type { ReactNode } from "react";
import { useRouter } from "next/navigation";
import {
  startTransition as startIdleTransition,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useTransition,
} from "react";
import type { IsoDate } from "@/lib/iso-date";
import { exampleCaseNumber } from "@/domain/protocol/protocol.format";
import { formatParagraphRanges } from "@/lib/paragraph-ranges";
import { SmallButton, TextField } from "@/modules/drafting/editor/fields";
import {
  addParagraphAction,
  deleteParagraphAction,
  moveParagraphAction,
  reorderParagraphsAction,
} from "@/modules/drafting/paragraph.actions";
import { ParagraphEditor } from "@/modules/drafting/components/paragraph-editor";
import { createEditorStore, sameJson, useEditorStore } from "@/modules/drafting/editor/editor-store";
import { createLiveProtocolBuilder, liveAttendance } from "@/modules/drafting/editor/live-protocol";
import { toParagraphContent } from "@/modules/drafting/paragraph.content";
import { LiveCheckerPanel } from "@/modules/drafting/components/live-checker-panel";
import type { PersonOption, ProtocolForEditing } from "@/server/protocol.queries";
import { computeParticipation } from "@/domain/rules/attendance.rules";
import { signerAssignments } from "@/domain/rules/signers.rules";
import { AttendanceEditor, type AttendanceRowValue } from "./attendance-editor";
import { HeaderEditor, type HeaderValue } from "./header-editor";
import { preloadRichTextEditor } from "./rich-text-editor";
import { SignersEditor, type SignerRowValue } from "./signers-editor";
import { ShortcutsHelp, useEditorShortcuts } from "./editor-shortcuts";
import { FoldableParagraph, usePersistentFlag } from "./paragraph-fold";
import {
  createFindingsStore,
  fieldControlId,
  hasContent,
  ParagraphOutline,
  paragraphStatus,
} from "./paragraph-outline";

/** The protocol and its versions as the editor page reads them (findProtocolForEditing), and: */
export interface ProtocolEditorProps extends ProtocolForEditing {
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
  // The rich-text editor's code, before a section is entered (a new § has no rich-text field yet).
  useEffect(preloadRichTextEditor, []);
  const mounting = useParagraphMounting(protocol.paragraphs);
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

  // --- The outline, folding, the focused mode, jumps and shortcuts ---------------------------------
  const [findings] = useState(createFindingsStore);
  const [checkerOpen, toggleChecker] = usePersistentFlag("paragraf:redigera:kontroll-oppen", true);
  const [folded, setFolded] = useState<ReadonlySet<string>>(() => new Set());
  const [focusMode, setFocusMode] = useState(false);
  const [current, setCurrent] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const paragraphs = protocol.paragraphs;
  const outlineEntries = useMemo(
    () => paragraphs.map((p) => ({ id: p.id, number: p.number, title: p.title })),
    [paragraphs],
  );
  const shownId = focusMode ? (paragraphs.find((p) => p.id === current) ?? paragraphs[0])?.id : undefined;

  const onToggleFold = useCallback(
    (id: string) =>
      setFolded((prev) => {
        const next = new Set(prev);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  const foldAllDone = () => {
    const state = store.get();
    const done = paragraphs.filter(
      (p) => paragraphStatus(hasContent(state.contents[p.id]), p.number, findings.get()) === "klar",
    );
    setFolded(new Set(done.map((p) => p.id)));
    setAnnouncement(
      done.length === 0
        ? "Ingen paragraf är klar ännu."
        : `${done.length} klara ${done.length === 1 ? "paragraf fälldes" : "paragrafer fälldes"} ihop.`,
    );
  };
  const unfoldAll = () => {
    setFolded(new Set());
    setAnnouncement("Alla paragrafer är utfällda.");
  };

  // A jump to a § (the outline, a checker finding, next/previous): unfolded, shown in the focused
  // mode, mounted, then its control focused (the rubrik, or the field a finding names).
  const jump = useRef<{ id: string; controlId: string | null; tries: number } | null>(null);
  const { mount } = mounting;
  const [jumpTick, setJumpTick] = useState(0);
  const jumpTo = useCallback(
    (id: string, controlId: string | null = null) => {
      setFolded((prev) => {
        if (!prev.has(id)) return prev;
        const next = new Set(prev);
        next.delete(id);
        return next;
      });
      setCurrent(id);
      mount(id);
      jump.current = { id, controlId, tries: 0 };
      setJumpTick((t) => t + 1);
    },
    [mount],
  );
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const attempt = () => {
      const target = jump.current;
      if (!target) return;
      const p = paragraphs.find((x) => x.id === target.id);
      if (!p) return;
      const control =
        (target.controlId ? document.getElementById(target.controlId) : null) ??
        document.getElementById(`p${p.number}-titel`);
      if (control) {
        jump.current = null;
        document.getElementById(`paragraf-${p.number}`)?.scrollIntoView({ block: "start" });
        control.focus({ preventScroll: true });
        return;
      }
      // Not rendered yet (a long protocol mounts its §§ after the first ones): try again shortly.
      if (++target.tries < 40) timer = setTimeout(attempt, 50);
    };
    attempt();
    return () => {
      if (timer) clearTimeout(timer);
    };
  }, [jumpTick, paragraphs]);

  /** The § being worked on: the one shown in the focused mode, holding focus, or first on screen. */
  const currentIndex = (): number => {
    if (focusMode && shownId) return paragraphs.findIndex((p) => p.id === shownId);
    const holder = document.activeElement?.closest("[data-paragraph]")?.getAttribute("data-paragraph");
    if (holder) return paragraphs.findIndex((p) => p.id === holder);
    const onScreen = paragraphs.findIndex((p) => {
      const el = document.querySelector(`[data-paragraph="${p.id}"]`);
      return el ? el.getBoundingClientRect().bottom > 0 : false;
    });
    return onScreen;
  };
  const step = (by: 1 | -1) => {
    const at = currentIndex();
    const target = paragraphs[at < 0 ? 0 : Math.min(paragraphs.length - 1, Math.max(0, at + by))];
    if (target) jumpTo(target.id);
  };
  const toggleFocusMode = () => {
    if (!focusMode) {
      const at = currentIndex();
      const id = paragraphs[at < 0 ? 0 : at]?.id ?? null;
      setCurrent(id);
      if (id) jumpTo(id);
    }
    setFocusMode((on) => !on);
  };

  useEditorShortcuts({
    newParagraph: () => document.getElementById("ny-paragraf")?.focus(),
    next: () => step(1),
    previous: () => step(-1),
    outline: () => {
      const links = [...document.querySelectorAll<HTMLElement>("#disposition a[data-paragraph-id]")];
      const at = currentIndex();
      (links[at < 0 ? 0 : at] ?? links[0])?.focus();
    },
    checker: () => {
      if (!checkerOpen) toggleChecker();
      document.getElementById("kontroll-knapp")?.focus();
    },
  });

  // Links to a § (the checker's findings) go through jumpTo: the § unfolded and its field focused.
  const onEditorClick = (e: React.MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const link = (e.target as Element).closest<HTMLAnchorElement>('a[href^="#paragraf-"]');
    if (!link) return;
    const number = Number(link.getAttribute("href")!.slice("#paragraf-".length));
    const p = paragraphs.find((x) => x.number === number);
    if (!p) return;
    e.preventDefault();
    jumpTo(p.id, fieldControlId(number, link.dataset.field));
  };

  const titleOf = (id: string) => {
    const p = paragraphs.find((x) => x.id === id);
    return p ? `§ ${p.number} ${store.get().contents[id]?.title || p.title}` : "Paragrafen";
  };
  const onOutlineMove = useCallback(
    (id: string, direction: "up" | "down") => {
      const at = paragraphs.findIndex((p) => p.id === id);
      const what = titleOf(id);
      startTransition(async () => {
        const result = await moveParagraphAction({ paragraphId: id, direction });
        setMessage(result.ok ? null : (result.message ?? "Det gick inte."));
        if (!result.ok) return;
        const number = paragraphs[0]!.number + at + (direction === "up" ? -1 : 1);
        setAnnouncement(`${what} flyttades ${direction === "up" ? "upp" : "ned"} och är nu § ${number}.`);
        router.refresh();
      });
    },
    // titleOf reads the store at call time
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [paragraphs, router],
  );
  const onOutlineReorder = useCallback(
    (order: string[], movedId: string) => {
      const what = titleOf(movedId);
      const number = paragraphs[0]!.number + order.indexOf(movedId);
      startTransition(async () => {
        const result = await reorderParagraphsAction({
          meetingId: protocol.meeting.id,
          expected: paragraphs.map((p) => p.id),
          order,
        });
        setMessage(result.ok ? null : (result.message ?? "Det gick inte."));
        if (result.ok) setAnnouncement(`${what} flyttades och är nu § ${number}.`);
        // On a conflict too: the order as it now is.
        router.refresh();
      });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [paragraphs, protocol.meeting.id, router],
  );

  const onDelete = useCallback(
    (p: { id: string; number: number; title: string }) => {
      if (window.confirm(`Ta bort § ${p.number} ${p.title}? Det går inte att ångra.`))
        run(() => deleteParagraphAction({ paragraphId: p.id }));
    },
    [run],
  );

  const shownIndex = shownId ? paragraphs.findIndex((p) => p.id === shownId) : -1;
  const neighbour = (at: number) => paragraphs[at];

  return (
    <div
      data-layout="wide"
      lang="sv"
      spellCheck
      onClick={onEditorClick}
      className={[
        "grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] 2xl:grid-cols-[17rem_minmax(0,1fr)_24rem]",
        // Text at a readable line length; tables as wide as their numbers, scrolled inside their wrapper.
        "[&_.ProseMirror>p]:max-w-[80ch] [&_.ProseMirror>ul]:max-w-[80ch] [&_textarea]:max-w-[80ch]",
        "[&_.tableWrapper]:overflow-x-auto [&_.tableWrapper]:pb-1",
        "[&_.ProseMirror_td:not(:first-child)]:whitespace-nowrap [&_.ProseMirror_th:not(:first-child)]:whitespace-nowrap",
        "[&_.ProseMirror_td:first-child]:min-w-48",
      ].join(" ")}
    >
      <div className="min-w-0 2xl:col-start-2 2xl:row-start-1">
        <div hidden={focusMode}>
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
        </div>

        {message && (
          <p role="alert" className="mt-4 rounded border border-red-700 bg-red-50 p-2">
            {message}
          </p>
        )}
        <p role="status" className="sr-only">
          {announcement}
        </p>

        {paragraphs.length > 0 && (
          <div className="mt-8 flex flex-wrap items-center gap-2" role="group" aria-label="Visa paragraferna">
            <SmallButton onClick={foldAllDone}>Fäll ihop alla klara</SmallButton>
            <SmallButton onClick={unfoldAll}>Fäll ut alla</SmallButton>
            <button
              type="button"
              aria-pressed={focusMode}
              onClick={toggleFocusMode}
              className="rounded border border-slate-500 px-2 py-1 text-sm aria-pressed:bg-[var(--color-brand)] aria-pressed:text-white"
            >
              En paragraf i taget
            </button>
          </div>
        )}
        {focusMode && shownIndex >= 0 && (
          <nav aria-label="Bläddra bland paragraferna" className="mt-3 flex flex-wrap items-center gap-3">
            <SmallButton
              disabled={shownIndex === 0}
              onClick={() => jumpTo(neighbour(shownIndex - 1)!.id)}
              label={shownIndex > 0 ? `Föregående: § ${neighbour(shownIndex - 1)!.number}` : "Föregående"}
            >
              ← Föregående
            </SmallButton>
            <span>
              § {paragraphs[shownIndex]!.number} ({shownIndex + 1} av {paragraphs.length})
            </span>
            <SmallButton
              disabled={shownIndex === paragraphs.length - 1}
              onClick={() => jumpTo(neighbour(shownIndex + 1)!.id)}
              label={shownIndex < paragraphs.length - 1 ? `Nästa: § ${neighbour(shownIndex + 1)!.number}` : "Nästa"}
            >
              Nästa →
            </SmallButton>
          </nav>
        )}

        {paragraphs.map((p, i) => {
          const part = participation.find((x) => x.paragraphNumber === p.number);
          return (
            <FoldableParagraph
              key={p.id}
              id={p.id}
              number={p.number}
              title={p.title}
              store={store}
              folded={folded.has(p.id) && !focusMode}
              hidden={focusMode && shownId !== p.id}
              onToggle={onToggleFold}
            >
              {!mounting.isMounted(i, p.id) ? (
                <ParagraphPlaceholder id={p.id} number={p.number} title={p.title} watch={mounting.watch} />
              ) : (
                <ParagraphEditor
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
                  isLast={i === paragraphs.length - 1}
                  onValue={store.setParagraph}
                  onMove={onMove}
                  onDelete={onDelete}
                />
              )}
            </FoldableParagraph>
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

      <div className="lg:sticky lg:top-4 lg:col-start-2 lg:row-start-1 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto 2xl:contents">
        <div className="space-y-4 2xl:sticky 2xl:top-4 2xl:col-start-1 2xl:row-start-1 2xl:max-h-[calc(100vh-2rem)] 2xl:self-start 2xl:overflow-y-auto">
          {paragraphs.length > 0 && (
            <ParagraphOutline
              paragraphs={outlineEntries}
              store={store}
              findings={findings}
              current={focusMode ? (shownId ?? null) : current}
              busy={pending}
              onJump={jumpTo}
              onMove={onOutlineMove}
              onReorder={onOutlineReorder}
            />
          )}
          <ShortcutsHelp />
        </div>
        <aside
          aria-label="Kontroller och förhandsvisning"
          className="mt-4 2xl:sticky 2xl:top-4 2xl:col-start-3 2xl:row-start-1 2xl:mt-0 2xl:max-h-[calc(100vh-2rem)] 2xl:self-start 2xl:overflow-y-auto"
        >
          <p className="mb-3">
            <Link
              href={`/moten/${protocol.meeting.slug}`}
              className="text-[var(--color-brand)] underline underline-offset-2"
            >
              Förhandsvisa protokollet
            </Link>
          </p>
          <LiveCheckerPanel
            store={store}
            protocol={protocol}
            names={names}
            today={props.today}
            buildLive={buildLive}
            fold={{ open: checkerOpen, onToggle: toggleChecker }}
            onFindings={findings.set}
          />
          <SmallButton onClick={() => router.refresh()}>Hämta senaste från servern</SmallButton>
        </aside>
      </div>
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

/** §§ rendered in full at once (on the server and at hydration); the rest follow. */
const FIRST_PARAGRAPHS = 2;
/** §§ mounted per idle period after that, in a protocol of at most MOUNT_ALL_UP_TO §§. */
const PARAGRAPHS_PER_STEP = 1;
/**
 * Up to this many §§, all are mounted (in the background, after the first). A longer protocol (a
 * kommunfullmäktige's 40–80 §§) mounts a § when it comes within MOUNT_MARGIN of the screen, or is
 * jumped to, and keeps it: every element on the page makes each keystroke dearer (issue 16, the
 * editor benchmark), and nobody edits 60 §§ at once.
 */
export const MOUNT_ALL_UP_TO = 20;
/** How near the screen (above and below) a § of a long protocol is mounted. */
const MOUNT_MARGIN = "150% 0px";

/**
 * Which §§ are rendered in full. Up to MOUNT_ALL_UP_TO §§: FIRST_PARAGRAPHS at first, then
 * PARAGRAPHS_PER_STEP more whenever the browser is idle, as a transition (typing goes first),
 * until all are. Beyond that: the first ones, and each § whose placeholder comes near the screen
 * (an IntersectionObserver; `watch` is the placeholder's ref) or that `mount` names (a jump). A
 * mounted § stays mounted, so nothing typed is ever unmounted.
 */
function useParagraphMounting(paragraphs: readonly { id: string }[]) {
  const windowed = paragraphs.length > MOUNT_ALL_UP_TO;
  const [count, mountAll] = useProgressiveCount(paragraphs.length, !windowed);
  const [near, setNear] = useState<ReadonlySet<string>>(() => new Set());
  const watched = useRef(new Map<Element, string>());
  // A § mounted above the screen (after a jump, or scrolling up) replaces a placeholder with a §
  // several times its height. The browser's scroll anchoring did not hold the screen still: after
  // a jump to § 30 of 60 the §§ above it mounted one after another and pushed it 7,000 px down,
  // its title focused off screen. So what the reader had on screen is put back where it was.
  const anchor = useRef<Anchor | null>(null);
  const observer = useRef<IntersectionObserver | null>(null);
  useEffect(() => {
    if (!windowed) return;
    const io = new IntersectionObserver(
      (entries) => {
        const ids = entries.filter((e) => e.isIntersecting).map((e) => watched.current.get(e.target));
        const found = ids.filter((id): id is string => !!id);
        if (found.length === 0) return;
        // In an idle moment, as a transition: hydration and typing go first. Where the reader is
        // is noted first and kept (below): a § mounted above the screen grows from its placeholder.
        const add = () => {
          anchor.current ??= readingAnchor();
          startIdleTransition(() => setNear((prev) => new Set([...prev, ...found])));
        };
        if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(add, { timeout: 500 });
        else add();
      },
      { rootMargin: MOUNT_MARGIN },
    );
    for (const el of watched.current.keys()) io.observe(el);
    observer.current = io;
    return () => {
      io.disconnect();
      observer.current = null;
      anchor.current?.release();
      anchor.current = null;
    };
  }, [windowed]);
  // What the reader had on screen is put back where it was once the §§ are mounted (anchor): by
  // how far the page moved under it, not by how far the reader scrolled meanwhile (that stands).
  useLayoutEffect(() => {
    const a = anchor.current;
    anchor.current = null;
    if (!a) return;
    const moved = a.el.isConnected ? a.el.getBoundingClientRect().top + window.scrollY - (a.top + a.scrollY) : 0;
    if (Math.abs(moved) >= 1) window.scrollBy(0, moved);
    a.release();
  }, [near]);
  const watch = useCallback((el: Element, id: string) => {
    watched.current.set(el, id);
    observer.current?.observe(el);
    return () => {
      watched.current.delete(el);
      observer.current?.unobserve(el);
    };
  }, []);
  const mount = useCallback(
    (id: string) => {
      if (!windowed) mountAll();
      else setNear((prev) => (prev.has(id) ? prev : new Set([...prev, id])));
    },
    [windowed, mountAll],
  );
  // `count` stops growing once the protocol is long; §§ it already mounted (a protocol that grew
  // past MOUNT_ALL_UP_TO while open) stay mounted.
  const isMounted = (index: number, id: string) => index < count || near.has(id);
  return { isMounted, mount, watch: windowed ? watch : undefined };
}

/** Where an element was on screen, and how far the page was scrolled, before §§ were mounted. */
type Anchor = { el: Element; top: number; scrollY: number; release: () => void };

/**
 * What the reader has on screen: the focused field of a § if it is on screen, else the first § that
 * is. Until `release`, the browser's own scroll anchoring is off (overflow-anchor), so that the
 * correction above is the only one: both would move the page twice.
 */
function readingAnchor(): Anchor | null {
  const focused = document.activeElement?.closest("[data-paragraph]") ? document.activeElement : null;
  for (const el of [focused, ...document.querySelectorAll("[data-paragraph]")]) {
    if (!el) continue;
    const r = el.getBoundingClientRect();
    if (r.bottom > 0 && r.top < window.innerHeight && r.height > 0) {
      const root = document.documentElement.style;
      const before = root.overflowAnchor;
      root.overflowAnchor = "none";
      return { el, top: r.top, scrollY: window.scrollY, release: () => void (root.overflowAnchor = before) };
    }
  }
  return null;
}

/**
 * How many §§ to render in full: FIRST_PARAGRAPHS at first, then (while `grow`) PARAGRAPHS_PER_STEP
 * more whenever the browser is idle, as a transition, until all are; then all, always. A protocol
 * is so interactive as soon as its first §§ are, not after all of its editors have been created.
 */
function useProgressiveCount(total: number, grow: boolean): [number, () => void] {
  const [count, setCount] = useState(FIRST_PARAGRAPHS);
  const mountAll = useCallback(() => setCount(Infinity), []);
  const done = count >= total;
  useEffect(() => {
    if (done || !grow) return;
    const idle = typeof window.requestIdleCallback === "function";
    const next = () => startIdleTransition(() => setCount((c) => c + PARAGRAPHS_PER_STEP));
    const handle = idle ? window.requestIdleCallback(next, { timeout: 200 }) : window.setTimeout(next, 16);
    return () => (idle ? window.cancelIdleCallback(handle) : window.clearTimeout(handle));
  }, [count, done, grow]);
  return [done ? Infinity : count, mountAll];
}

/**
 * A § not rendered in full (yet): its heading, where the § will be, so that links to it work; in a
 * long protocol it is mounted when it comes near the screen (`watch`).
 */
function ParagraphPlaceholder({
  id,
  number,
  title,
  watch,
}: {
  id: string;
  number: number;
  title: string;
  watch?: (el: Element, id: string) => () => void;
}) {
  const ref = useCallback((el: HTMLElement | null) => (el && watch ? watch(el, id) : undefined), [watch, id]);
  return (
    <section
      ref={ref}
      id={`paragraf-${number}`}
      aria-labelledby={`p${number}-rubrik`}
      aria-busy="true"
      className="min-h-96 rounded border-2 border-slate-300 p-4"
    >
      <h2 id={`p${number}-rubrik`} className="text-xl font-semibold">
        § {number} {title || "(utan rubrik)"}
      </h2>
      <p className="mt-2 text-slate-700">Läser in paragrafen…</p>
    </section>
  );
}
