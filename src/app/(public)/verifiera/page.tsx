import type { Metadata } from "next";
import { VerifyForm } from "@/modules/publication";

export const metadata: Metadata = { title: "Verifiera protokoll" };

export default function VerifyPage() {
  return (
    <>
      <h1 className="text-3xl font-semibold">Verifiera protokoll</h1>
      <p className="mt-2 max-w-prose">
        Kontrollera att ett protokoll är äkta: ladda upp PDF-filen eller skriv verifieringskoden som står i protokollet.
        Vi jämför med de justerade originalen och med de kopior Paragraf har lämnat ut (offentliga kopior och kopior med
        rättelser); filen sparas inte.
      </p>
      <VerifyForm />
    </>
  );
}
