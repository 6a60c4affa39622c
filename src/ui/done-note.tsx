// The confirmation a page shows after a form redirected back to it (…?klart=…): a green note that a
// screen reader announces (role="status"). Renders nothing when there is nothing to confirm.
import type { ReactNode } from "react";

export function DoneNote({ className, children }: { className?: string; children: ReactNode }) {
  if (!children) return null;
  return (
    <p role="status" className={`${className ?? "mt-4"} rounded border border-green-700 bg-green-50 p-3`}>
      {children}
    </p>
  );
}
