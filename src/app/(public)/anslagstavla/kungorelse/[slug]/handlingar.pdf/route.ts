import { oldKungorelseAddress } from "@/app/(public)/old-addresses";

export const dynamic = "force-dynamic";

/**
 * The old /anslagstavla/kungorelse/<slug>/handlingar.pdf: 308 to the organisation's while the kungörelse
 * is up; else 404.
 */
export const GET = oldKungorelseAddress("/handlingar.pdf");
