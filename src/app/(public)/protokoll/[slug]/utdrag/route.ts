import { oldProtocolAddress } from "@/app/(public)/old-addresses";

/** The old /protokoll/<slug>/utdrag: 308 to the organisation's address when the protocol is public; else 404. */
export const GET = oldProtocolAddress("/utdrag", "Protokollet finns inte.");
