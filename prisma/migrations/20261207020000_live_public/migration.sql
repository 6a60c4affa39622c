-- The live meeting's public read-only stream (issue 20, point 6): /<org>/moten/<slug>/live and its
-- server-sent events show the public projection of the live log (src/modules/live/live.public.ts)
-- only while the meeting is public. True or false as the secretary set it in the live view (the
-- meeting.edit permission); NULL: as the law has it for the body's kind (fullmäktige's meetings
-- are public, KL 5:40; other bodies' are not unless decided: isLivePublic in src/modules/live/live.public.ts).
-- Not protocol content: the meeting's guard (paragraf_guard_meeting) lists its content columns one
-- by one and leaves this one out, and no signature covers it. The app role's table grants cover a
-- new column.

ALTER TABLE "Meeting" ADD COLUMN "livePublic" BOOLEAN;

COMMENT ON COLUMN "Meeting"."livePublic" IS 'Public live stream: true/false as set in the live view; NULL follows the body kind (FULLMAKTIGE public, KL 5:40).';
