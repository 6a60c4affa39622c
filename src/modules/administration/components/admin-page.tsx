// The frame of the admin pages: where the page is under Administration (a breadcrumb), its
// heading, and its sections, each named by its own heading.
import { Fragment, type ReactNode } from "react";
import { TitledSection } from "@/ui/titled-section";
import { TextLink } from "@/ui/text-link";

/** The breadcrumb (Administration › … › here), the page's heading and its confirmation, if any. */
export function AdminPage({
  trail = [],
  here,
  title,
  notice,
  children,
}: {
  /** The pages between Administration and this one. */
  trail?: readonly { href: string; label: string }[];
  here: string;
  title: ReactNode;
  /** The confirmation after a redirect (e.g. "?skapat=1"), under the heading. */
  notice?: string | false;
  children: ReactNode;
}) {
  return (
    <>
      <nav aria-label="Du är här" className="text-sm">
        {[{ href: "/admin", label: "Administration" }, ...trail].map((step) => (
          <Fragment key={step.href}>
            <TextLink href={step.href}>{step.label}</TextLink> ›{" "}
          </Fragment>
        ))}
        {here}
      </nav>
      <h1 className="mt-2 text-3xl font-semibold">{title}</h1>
      {notice && (
        <p role="status" className="mt-3 rounded border border-green-700 bg-green-50 p-2 text-green-900">
          {notice}
        </p>
      )}
      {children}
    </>
  );
}

/** A part of an admin page under its own heading (the section is named by it). */
export function AdminSection({
  id,
  title,
  className = "mt-10",
  children,
}: {
  id: string;
  title: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <TitledSection id={id} title={title} className={className} headingClassName="text-2xl font-semibold">
      {children}
    </TitledSection>
  );
}

/** One section per organisation, named by the organisation (its id after `idPrefix` in the heading's id). */
export function OrganisationSections<T extends { id: string; name: string }>({
  organisations,
  idPrefix,
  children,
}: {
  organisations: readonly T[];
  idPrefix: string;
  children: (organisation: T) => ReactNode;
}) {
  return organisations.map((o) => (
    <AdminSection key={o.id} id={`${idPrefix}-${o.id}`} title={o.name} className="mt-6">
      {children(o)}
    </AdminSection>
  ));
}
