// The breadcrumb trail above a meeting or protocol page: links back up, then where you are.
import Link from "next/link";
import { Fragment } from "react";

export function Breadcrumbs({
  links,
  current,
  className = "no-print mb-4 text-sm",
}: {
  /** The pages above this one, outermost first. */
  links: readonly { href: string; label: string }[];
  /** This page, as plain text. */
  current: string;
  className?: string;
}) {
  return (
    <nav aria-label="Brödsmulor" className={className}>
      {links.map((link) => (
        <Fragment key={link.href}>
          <Link href={link.href} className="text-[var(--color-brand)] underline underline-offset-2">
            {link.label}
          </Link>
          <span aria-hidden="true"> › </span>
        </Fragment>
      ))}
      <span>{current}</span>
    </nav>
  );
}

/** The trail of a page below a meeting (its ärendelista, its förhinder): the meeting, then this page. */
export function MeetingBreadcrumbs({
  meeting,
  current,
}: {
  meeting: { slug: string; date: string; body: { name: string } };
  current: string;
}) {
  return (
    <Breadcrumbs
      className="mb-4 text-sm"
      links={[{ href: `/moten/${meeting.slug}`, label: `${meeting.body.name} ${meeting.date}` }]}
      current={current}
    />
  );
}
