// The live meeting (issue 20): roll call, arrivals and departures, jäv and the current § recorded
// as they happen by the secretary and the chair on two devices, kept in sync by server-sent events
// (PostgreSQL LISTEN/NOTIFY), and written into the draft when the meeting ends.
export { LiveView } from "./components/live-view";
export { LiveProjector } from "./components/live-projector";
export { findLivePage, liveFrameProps } from "./live.page";
export { getLiveHub, LiveHub } from "./live.hub";
export { liveStreamResponse, parseLastEventId } from "./live.stream";
export { MemberLiveView } from "./components/member-view";
export { findMemberLivePage } from "./member.page";
// The public read-only stream (KL 5:40): one projection for the page and its events.
export { PublicLiveStream } from "./components/live-public";
export { findPublicLive } from "./live.public.queries";
export { publicLiveStreamResponse } from "./live.public.stream";
export { LivePublicToggle } from "./components/live-public-toggle";
export { readLivePublicSetting } from "./live.public.mutations";
