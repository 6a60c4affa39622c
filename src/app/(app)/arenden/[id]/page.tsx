import type { Metadata } from "next";
import { AgendaItemView, findAgendaItem } from "@/modules/agenda";
import { requireFound } from "@/server/page-gate";

export const metadata: Metadata = { title: "Ärende" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ klart?: string | string[] }> };

export default async function AgendaItemPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { klart } = await searchParams;
  const found = await requireFound(`/arenden/${id}`, findAgendaItem, id);
  return <AgendaItemView found={found} klart={typeof klart === "string" ? klart : undefined} />;
}
