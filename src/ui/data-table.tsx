// A plain data table: a header row of column names, then one row per item. Server-rendered markup
// (no state), so pages and client components alike can use it.
import type { Key, ReactNode } from "react";

export interface Column<T> {
  header: ReactNode;
  cell: (row: T, index: number) => ReactNode;
  /** Extra classes for this column's cells, e.g. "whitespace-nowrap". */
  className?: string;
}

// Cell padding: y, and x between columns (the last column has none).
const DENSITY = {
  normal: ["py-2", "pr-4"],
  dense: ["py-1", "pr-4"],
  compact: ["py-1", "pr-3"],
} as const;

export interface DataTableProps<T> {
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => Key;
  /** Read by screen readers only. */
  caption?: ReactNode;
  density?: keyof typeof DENSITY;
  className?: string;
  rowClassName?: string;
}

export function DataTable<T>({
  columns,
  rows,
  rowKey,
  caption,
  density = "normal",
  className = "mt-3 w-full border-collapse text-left",
  rowClassName = "border-b border-slate-200",
}: DataTableProps<T>) {
  const [y, x] = DENSITY[density];
  const pad = (i: number) => (i < columns.length - 1 ? `${y} ${x}` : y);
  const cls = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(" ");
  return (
    <table className={className}>
      {caption && <caption className="sr-only">{caption}</caption>}
      <thead>
        <tr className="border-b border-slate-300">
          {columns.map((c, i) => (
            <th key={i} scope="col" className={pad(i)}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <tr key={rowKey(row, r)} className={rowClassName}>
            {columns.map((c, i) => (
              <td key={i} className={cls(pad(i), c.className)}>
                {c.cell(row, r)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The underlined brand-coloured link used in table cells and lists (TextLink's). */
export { TEXT_LINK_CLASS as linkClass } from "./text-link";
