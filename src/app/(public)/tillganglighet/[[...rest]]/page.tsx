import type { Metadata } from "next";
import { unstable_cache } from "next/cache";
import { notFound } from "next/navigation";
import { getDb } from "@/server/db";
import { AccessibilityStatement, statementSettings } from "../statement";

export const metadata: Metadata = { title: "Tillgänglighetsredogörelse" };

// The organisations come from the database and the contact and dates from the settings of the
// running server, so the page is rendered on request (kept in the route cache for an hour), not
// at build time when there is no database: hence the optional catch-all without static params,
// as /anslagstavla. /tillganglighet/<anything> is a 404.
export const revalidate = 3600;
export async function generateStaticParams(): Promise<{ rest?: string[] }[]> {
  return [];
}

const organisationNames = unstable_cache(
  async () =>
    (await getDb().organisation.findMany({ select: { name: true }, orderBy: { name: "asc" } })).map((o) => o.name),
  ["accessibility-organisations"],
  { tags: ["public"], revalidate: 3600 },
);

export default async function AccessibilityStatementPage({ params }: { params: Promise<{ rest?: string[] }> }) {
  if ((await params).rest) notFound();
  return <AccessibilityStatement settings={statementSettings(process.env, await organisationNames())} />;
}
