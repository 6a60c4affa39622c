// The gate of the live pages (the live view, the projector, a member's own device): the signed-in
// user (else the login page, back to the page) and the page's data as the live module reads it for
// them; 404 when they may not read the meeting; their refusal (their role, or the protocol's state)
// when they may read it but not use this view. The live module asks the permission table.
import type { PrismaClient } from "@/generated/prisma/client";
import type { CurrentUser } from "@/server/session";
import { requireFound } from "@/server/page-gate";

type Refusal = { refused: "not-found" | "forbidden" | "state"; message: string };

/** The page's data, or the refusal to show with LiveRefusal. */
export function requireLivePage<T extends object>(
  returnTo: string,
  find: (db: PrismaClient, user: CurrentUser, slug: string) => Promise<T | Refusal>,
  slug: string,
): Promise<T | Refusal> {
  return requireFound(
    returnTo,
    async (db, user, key: string) => {
      const data = await find(db, user, key);
      return "refused" in data && data.refused === "not-found" ? null : data;
    },
    slug,
  );
}

/** The page that says why the view is not theirs. */
export function LiveRefusal({ title, message }: { title: string; message: string }) {
  return (
    <>
      <h1 className="mb-4 text-3xl font-semibold">{title}</h1>
      <p role="alert">{message}</p>
    </>
  );
}
