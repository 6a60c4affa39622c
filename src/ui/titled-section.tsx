// A part of a page under its own heading: the section is named by the heading (aria-labelledby),
// so a screen reader lists it as a region with that name.
import type { ReactNode } from "react";

export function TitledSection({
  id,
  title,
  level = 2,
  className,
  headingClassName = "text-xl font-semibold",
  children,
}: {
  /** The heading's id. */
  id: string;
  title: ReactNode;
  level?: 2 | 3 | 4;
  className?: string;
  headingClassName?: string;
  children: ReactNode;
}) {
  const Heading = level === 2 ? "h2" : level === 3 ? "h3" : "h4";
  return (
    <section aria-labelledby={id} className={className}>
      <Heading id={id} className={headingClassName}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
