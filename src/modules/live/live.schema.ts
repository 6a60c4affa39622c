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
    z.object({
      type: z.literal("motion"),
      motionId: id,
      paragraphId: id,
      personId: id,
      kind: z.enum(["BIFALL", "AVSLAG", "ANDRING", "TILLAGG", "ATERREMISS", "BORDLAGGNING"], {
        error: "Välj typ av yrkande.",
      }),
      text: z.string().trim().max(20_000, "Yrkandet får vara högst 20 000 tecken."),
    }),
    z.object({ type: z.literal("motionWithdraw"), motionId: id, withdrawn: z.boolean() }),
    z.object({ type: z.literal("finding"), paragraphId: id, question: id, alternative: id }),
    z.object({ type: z.literal("voteOpen"), voteId: id, paragraphId: id, question: id, ja: id, nej: id }),
    z.object({
      type: z.literal("ballot"),
      voteId: id,
      personId: id,
      choice: z.enum(["JA", "NEJ", "AVSTAR"], { error: "Välj ja, nej eller avstår." }).nullable(),
    }),
    z.object({ type: z.literal("voteClose"), voteId: id }),
    z.object({
      type: z.literal("reservation"),
      paragraphId: id,
      personId: id,
      reserved: z.boolean(),
      writtenLater: z.boolean(),
      reasons: z.string().trim().max(20_000, "Reservationen får vara högst 20 000 tecken."),
    }),
    z.object({ type: z.literal("speakRequest"), paragraphId: id, personId: id, replik: z.boolean() }),
    z.object({ type: z.literal("speakWithdraw"), paragraphId: id, personId: id }),
    z.object({ type: z.literal("speakGrant"), paragraphId: id, personId: id }),
    z.object({ type: z.literal("speakEnd"), paragraphId: id }),
    z.object({ type: z.literal("closedDoors"), paragraphId: id, closed: z.boolean() }),
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
