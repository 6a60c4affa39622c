-- Meeting and historical-protocol slugs are unique across the installation (OParl and the old
-- /protokoll/<slug> addresses name a meeting by its slug alone), but row-level security lets a
-- request see only its own organisation's rows. The slug chosen for a new meeting therefore
-- missed another organisation's "kommunfullmaktige-2027-03-15", and the insert failed on the
-- unique index: a municipality could not create its meeting because another met that day.
--
-- The slugs already taken for one base ("<body>-<date>" and "<body>-<date>-<n>"), across every
-- organisation. SECURITY DEFINER: read as the owner, past the policies; it returns only slugs of
-- that exact shape, so the caller learns no more than the "-2" it would get anyway.
CREATE FUNCTION paragraf_taken_slugs(tbl TEXT, base TEXT) RETURNS SETOF TEXT
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF tbl NOT IN ('Meeting', 'HistoricalProtocol') THEN
    RAISE EXCEPTION 'paragraf_taken_slugs: unknown table %', tbl;
  END IF;
  RETURN QUERY EXECUTE format(
    'SELECT slug FROM %I WHERE slug = $1 OR (left(slug, length($1) + 1) = $1 || ''-'' AND substr(slug, length($1) + 2) ~ ''^[0-9]+$'')',
    tbl) USING base;
END;
$$;
