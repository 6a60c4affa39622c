// Facts as a two-column description list (label, value): the notice's data on the protocol page,
// the notice board and the kallelse. A fact left out (false, null, "") is not shown at all.
import { Fragment, type ReactNode } from "react";
import { NoticeBoard } from "./notice-board";

export type Fact = readonly [label: string, value: ReactNode];
type MaybeFact = Fact | false | null | undefined | "";

export function FactList({ facts, className = "mt-2" }: { facts: readonly MaybeFact[]; className?: string }) {
  return (
    <dl className={`${className} grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1`}>
      {facts
        .filter((fact): fact is Fact => Boolean(fact))
        .map(([label, value]) => (
          <Fragment key={label}>
            <dt className="font-medium">{label}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
    </dl>
  );
}

/** Where a notice's protocol is kept, the board it is posted on and who certifies it: the notice's last facts. */
export function noticeKeepingFacts(notice: {
  storagePlace: string;
  noticeBoard?: string | null;
  certifiedBy?: string | null;
}): MaybeFact[] {
  return [
    ["Förvaringsplats för protokollet", notice.storagePlace],
    notice.noticeBoard && ["Anslagstavla", <NoticeBoard key="board" value={notice.noticeBoard} />],
    notice.certifiedBy && ["Anslaget intygas av", notice.certifiedBy],
  ];
}
