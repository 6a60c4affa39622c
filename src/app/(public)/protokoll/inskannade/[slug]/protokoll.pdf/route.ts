import { findPublicHistoricalOrganisation } from "@/modules/historical";
import { getDb } from "@/server/db";
import { oldSlugAddress } from "@/app/(public)/old-addresses";

/** The old /protokoll/inskannade/<slug>/protokoll.pdf: 308 to the organisation's address when public; else 404. */
export const GET = oldSlugAddress(
  "/protokoll/inskannade/",
  "/protokoll.pdf",
  (slug) => findPublicHistoricalOrganisation(getDb(), slug),
  "Protokollet finns inte.",
);
