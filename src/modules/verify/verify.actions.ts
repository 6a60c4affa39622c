"use server";

import { getDb } from "@/server/db";
import { verifyCode, verifyPdf, type VerifyResult } from "./verify";

const MAX_BYTES = 50 * 1024 * 1024;

export async function verifyAction(_prev: VerifyResult | null, form: FormData): Promise<VerifyResult | null> {
  const file = form.get("pdf");
  const code = form.get("code");
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_BYTES) return { match: false, message: "Filen är större än 50 MB och kan inte vara ett protokoll från Paragraf." };
    return verifyPdf(getDb(), new Uint8Array(await file.arrayBuffer()));
  }
  if (typeof code === "string" && code.trim() !== "") return verifyCode(getDb(), code);
  return { match: false, message: "Välj en PDF-fil eller skriv verifieringskoden." };
}
