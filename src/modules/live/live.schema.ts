// The live meeting's input: one tap (an event of the log) as a device sends it.
import { z } from "@/lib/zod";

const id = z.string().min(1).max(64);
const reason = z.string().trim().max(1_000, "Skälet får vara högst 1 000 tecken.");

/** One tap; the server stamps the order, the time and who tapped. "close" has its own action. */
export const liveEventDataSchema = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("roll"), personId: id, present: z.boolean() }),
    z.object({ type: z.literal("arrive"), personId: id }),
    z.object({ type: z.literal("depart"), personId: id }),
    z.object({ type: z.literal("recuse"), personId: id, paragraphId: id, recused: z.boolean(), reason }),
    z.object({ type: z.literal("substitute"), personId: id, forPersonId: id }),
    z.object({ type: z.literal("substituteEnd"), personId: id }),
    z.object({ type: z.literal("current"), paragraphId: id }),
  ],
  { error: "Okänd händelse." },
);

export const recordLiveEventSchema = z.object({
  meetingId: id,
  /** Chosen by the device once per tap and sent again on a retry: the tap lands once. */
  clientEventId: z
    .string()
    .min(8)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, "Ogiltigt händelse-id."),
  event: liveEventDataSchema,
});

export const closeLiveMeetingSchema = z.object({ meetingId: id });
