-- Cache invalidation that reaches every app instance (issue 19.2). Each `next start` keeps its own
-- rendered pages; when one instance revalidates a tag (a justering, a rättelse, a new notice), it
-- records the time here, and every instance checks the tags of a cached page against this table
-- before serving it (src/server/route-cache-handler.mjs). Times are milliseconds since the epoch,
-- as Next.js keeps them.
CREATE TABLE "CacheTag" (
    "tag" TEXT NOT NULL,
    "expiredAt" BIGINT,
    "staleAt" BIGINT,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CacheTag_pkey" PRIMARY KEY ("tag")
);
