// Meetings (issue 5, item 6): the list, and each meeting as a calendar file (a resource
// route). File paths are relative to app/.
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export default [
  route("meetings", "routes/meetings/index.tsx"),
  route("meetings/:meetingId/calendar.ics", "routes/meetings/calendar.ts"),
] satisfies RouteConfigEntry[];
