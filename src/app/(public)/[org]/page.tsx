import { redirect } from "next/navigation";
import { organisationOr404 } from "@/app/(public)/[org]/organisation";

export const dynamic = "force-dynamic";

/** /<org>: the organisation's anslagstavla (an unknown one: 404). */
export default async function OrganisationStartPage({ params }: { params: Promise<{ org: string }> }) {
  const organisation = await organisationOr404(params);
  redirect(`/${encodeURIComponent(organisation.slug)}/anslagstavla`);
}
