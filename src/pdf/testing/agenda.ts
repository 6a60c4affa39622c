/** A row of the ärendelista: the § and the pages it stands on, "3 - 4" or "3". */
export interface AgendaRow {
  number: number;
  first: number;
  last: number;
}

/** The ärendelista's rows in a page's layout text: "§ 59   Google Workspace   ITSAM 2021/8   3 - 4". */
export function agendaRows(text: string): AgendaRow[] {
  return [...text.matchAll(/^\s*§\s?(\d+)\s+.*?\s(\d+)(?:\s*-\s*(\d+))?\s*$/gm)].map((m) => ({
    number: Number(m[1]),
    first: Number(m[2]),
    last: Number(m[3] ?? m[2]),
  }));
}
