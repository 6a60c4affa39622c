-- A recorded revalidation only ever moves forward (issue 19.2, found by the attack review): a
-- withdrawn or corrected page is expired from the time its tag was revalidated, and nothing the
-- app's role writes afterwards can make that page fresh again — not an instance whose clock runs
-- behind recording an earlier time, not a later "stale now, expire later" mark (whose future
-- expiry would otherwise replace a past one and let the older page be served as merely stale),
-- not a deleted row (the app's role may not delete: scripts/lib/db-roles.ts APP_REVOKES).
CREATE OR REPLACE FUNCTION "paragraf_cache_tag_forward"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  now_ms BIGINT := (extract(epoch FROM clock_timestamp()) * 1000)::BIGINT;
BEGIN
  IF OLD."expiredAt" IS NOT NULL AND OLD."expiredAt" <= now_ms AND NEW."expiredAt" > now_ms THEN
    -- A past expiry stays: pages cached before it stay expired. The new mark's staleness still
    -- applies to pages cached after it.
    NEW."expiredAt" := OLD."expiredAt";
  ELSE
    NEW."expiredAt" := GREATEST(OLD."expiredAt", NEW."expiredAt");
  END IF;
  NEW."staleAt" := GREATEST(OLD."staleAt", NEW."staleAt");
  RETURN NEW;
END;
$$;

CREATE TRIGGER "CacheTag_forward"
BEFORE UPDATE ON "CacheTag"
FOR EACH ROW EXECUTE FUNCTION "paragraf_cache_tag_forward"();
