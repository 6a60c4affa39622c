// A link in running text, in the brand colour and underlined. `context` completes its visible
// text for screen readers ("Läs protokollet" + " från Direktionen 2021-11-18"), so a list of
// such links does not read as the same words over and over (WCAG 2.4.4). Pages are Next.js
// links; files (PDFs) are plain anchors, so nothing prefetches them.
import Link from "next/link";
import type { ReactNode } from "react";

export const TEXT_LINK_CLASS = "text-[var(--color-brand)] underline underline-offset-2";

export function TextLink({
  href,
  children,
  context,
  file = false,
}: {
  href: string;
  children: ReactNode;
  /** Read after the visible text by screen readers only. */
  context?: string;
  /** A download (PDF, ZIP), not a page. */
  file?: boolean;
}) {
  const content = (
    <>
      {children}
      {context && <span className="sr-only"> {context}</span>}
    </>
  );
  return file ? (
    <a href={href} className={TEXT_LINK_CLASS}>
      {content}
    </a>
  ) : (
    <Link href={href} className={TEXT_LINK_CLASS}>
      {content}
    </Link>
  );
}
