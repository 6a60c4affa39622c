import { oldProtocolAddress } from "@/app/(public)/old-addresses";

/** The old /protokoll/<slug>/protokoll.pdf: 308 to the organisation's address when the protocol is public; else 404. */
export const GET = oldProtocolAddress("/protokoll.pdf", "Protokollet finns inte.");
