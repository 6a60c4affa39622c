// A ledamot's or ersättare's own tap on their own device: no person in it (the server takes the
// session's), and a form that names one anyway is refused (strict objects).
import { z } from "@/lib/zod";
import { recordLiveEventSchema } from "./live.schema";

const id = z.string().min(1).max(64);

export const seatActionSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({ type: z.literal("speakRequest"), paragraphId: id, replik: z.boolean() }),
    z.strictObject({ type: z.literal("speakWithdraw"), paragraphId: id }),
    z.strictObject({
      type: z.literal("ballot"),
      voteId: id,
      choice: z.enum(["JA", "NEJ", "AVSTAR"], { error: "Välj ja, nej eller avstår." }),
    }),
  ],
  { error: "Okänd händelse." },
);

export type SeatAction = z.infer<typeof seatActionSchema>;

export const recordSeatEventSchema = z.strictObject({
  meetingId: id,
  clientEventId: recordLiveEventSchema.shape.clientEventId,
  action: seatActionSchema,
});
