"use server";

import { getDb } from "@/server/db";
import { verifyCode, verifyPdf, type VerifyResult } from "./verify";
import { MAX_VERIFY_BYTES, VERIFY_TOO_LARGE } from "./verify.limits";

export async function verifyAction(_prev: VerifyResult | null, form: FormData): Promise<VerifyResult | null> {
  const file = form.get("pdf");
  const code = form.get("code");
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_VERIFY_BYTES) return { match: false, message: VERIFY_TOO_LARGE };
    return verifyPdf(getDb(), new Uint8Array(await file.arrayBuffer()));
  }
  if (typeof code === "string" && code.trim() !== "") return verifyCode(getDb(), code);
  return { match: false, message: "Välj en PDF-fil eller skriv verifieringskoden." };
}
