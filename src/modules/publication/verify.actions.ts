"use server";

import { getDb } from "@/server/db";
import { enterPublicOrganisation } from "@/server/public-organisation";
import { verifyCode, verifyPdf, type VerifyResult } from "./verify";
import { MAX_VERIFY_BYTES, VERIFY_TOO_LARGE } from "./verify.limits";

/**
 * The form on /<org>/verifiera: its organisation comes with the form (the page that rendered it)
 * and is entered before anything is read, so only that organisation's protocols can match.
 */
export async function verifyAction(_prev: VerifyResult | null, form: FormData): Promise<VerifyResult | null> {
  const slug = form.get("organisation");
  const organisation = typeof slug === "string" ? await enterPublicOrganisation(slug) : null;
  if (!organisation) return { match: false, message: "Organisationen finns inte. Gå till dess sida och försök igen." };
  const file = form.get("pdf");
  const code = form.get("code");
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_VERIFY_BYTES) return { match: false, message: VERIFY_TOO_LARGE };
    return verifyPdf(getDb(), new Uint8Array(await file.arrayBuffer()), organisation);
  }
  if (typeof code === "string" && code.trim() !== "") return verifyCode(getDb(), code, organisation);
  return { match: false, message: "Välj en PDF-fil eller skriv verifieringskoden." };
}
