// One posting on the public anslagstavla (the anslag of a justerat protocol, the kungörelse of a
// meeting): an article named by its heading, what it states, then its links (the protocol, PDFs).
import type { ReactNode } from "react";

export function BoardPosting({
  id,
  heading,
  links,
  children,
}: {
  /** The heading's id, which names the article. */
  id: string;
  heading: ReactNode;
  links: ReactNode;
  children: ReactNode;
}) {
  return (
    <article aria-labelledby={id} className="rounded border border-slate-300 p-4">
      <h3 id={id} className="text-lg font-semibold">
        {heading}
      </h3>
      {children}
      <p className="mt-3 flex flex-wrap gap-4">{links}</p>
    </article>
  );
}
