import { isIsoDate } from "@/lib/iso-date";
import { z } from "@/lib/zod";

const DATE_FORMAT = "Ange datumet som ÅÅÅÅ-MM-DD, till exempel 2021-12-17.";

/** The notice dates after justering; an empty take-down date means the end of the appeal period. */
export const noticeEditSchema = z.object({
  meetingId: z.string().min(1).max(64),
  postedOn: z
    .string({ error: "Ange datum då anslaget sätts upp." })
    .trim()
    .refine((v) => v !== "", "Ange datum då anslaget sätts upp.")
    .refine((v) => v === "" || isIsoDate(v), DATE_FORMAT),
  takeDownOn: z
    .string({ error: DATE_FORMAT })
    .trim()
    .refine((v) => v === "" || isIsoDate(v), DATE_FORMAT)
    .transform((v) => (v === "" ? null : v)),
  /** Förvaringsplats and anslagstavla may move after justering too; absent: unchanged. */
  storagePlace: z
    .string()
    .trim()
    .min(1, "Ange var protokollet förvaras.")
    .max(300, "Förvaringsplatsen får vara högst 300 tecken.")
    .optional(),
  noticeBoard: z.string().trim().max(300, "Anslagstavlans adress får vara högst 300 tecken.").optional(),
});
