// The tables of the admin pages: a line saying there is nothing to list, or the table in a box that
// scrolls sideways on a narrow screen, its rows aligned at the top (they hold forms).
import type { ReactNode } from "react";
import { DataTable, type DataTableProps } from "@/ui/data-table";

export function AdminTable<T>({
  empty,
  rowClassName = "border-b border-slate-200 align-top",
  ...table
}: DataTableProps<T> & {
  /** Shown instead of the table when there are no rows; without it an empty table is shown. */
  empty?: ReactNode;
}) {
  if (empty !== undefined && table.rows.length === 0) return <p className="mt-2">{empty}</p>;
  return (
    <div className="overflow-x-auto">
      <DataTable {...table} rowClassName={rowClassName} />
    </div>
  );
}
