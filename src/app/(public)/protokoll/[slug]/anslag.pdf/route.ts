import { oldProtocolAddress } from "@/app/(public)/old-addresses";

/** The old /protokoll/<slug>/anslag.pdf: 308 to the organisation's address when the protocol is public; else 404. */
export const GET = oldProtocolAddress("/anslag.pdf", "Anslaget finns inte.");
