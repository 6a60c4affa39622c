import { notFound } from "next/navigation";
import { enterPublicOrganisation } from "@/server/public-organisation";
import { PublicChrome } from "../public-chrome";

// An organisation's public site (issue 19.1): /<org>/anslagstavla, /<org>/protokoll/…,
// /<org>/verifiera. Every page and route below enters the organisation itself as well (a layout
// does not run before route handlers, and renders in parallel with its page).
export default async function OrganisationPublicLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ org: string }>;
}) {
  const organisation = await enterPublicOrganisation((await params).org);
  if (!organisation) notFound();
  return <PublicChrome organisation={organisation}>{children}</PublicChrome>;
}
