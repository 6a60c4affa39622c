import type { SummonsDTO } from "@/domain/summons/summons.types";
import { toPublicSummons } from "@/domain/publication/public.rules";
import { drawDocument, fontMetrics } from "./draw-document";
import { layoutSummons, type SummonsVersion } from "./summons-model";

/**
 * The kallelse as a PDF/A document. "members": every ärende in full, for ledamöter, ersättare and
 * the secretary. "public": through the public projection first (confidential ärenden reduced to
 * their number, confidential handlingar left out), for the anslagstavla.
 */
export async function renderSummonsPdf(summons: SummonsDTO, version: SummonsVersion): Promise<Uint8Array> {
  const input = version === "public" ? toPublicSummons(summons) : summons;
  return drawDocument(layoutSummons(input, fontMetrics(), version));
}
