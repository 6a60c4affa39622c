// "Sekretess" beside an ärende or a handling that is confidential, one look wherever the workspace
// lists them (the ärendelista, the pool, an ärende's page, the kallelse, the members' view).

export function ConfidentialBadge() {
  return <span className="ml-2 rounded bg-amber-100 px-1 text-sm font-normal">Sekretess</span>;
}
