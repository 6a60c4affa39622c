import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AgendaItemView, findAgendaItem } from "@/modules/agenda";
import { getDb } from "@/server/db";
import { requireUser } from "@/server/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Ärende" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ klart?: string | string[] }> };

export default async function AgendaItemPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { klart } = await searchParams;
  const user = await requireUser(`/arenden/${id}`);
  const found = await findAgendaItem(getDb(), user, id);
  if (!found) notFound();
  return <AgendaItemView found={found} klart={typeof klart === "string" ? klart : undefined} />;
}
