// Records shared for review: the case's entries, writing one, sharing it, and the review
// screen with the family's responses (file paths are relative to app/).
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export default [
  route("cases/:caseId/records", "routes/records/index.tsx"),
  route("cases/:caseId/records/new", "routes/records/new.tsx"),
  route("cases/:caseId/records/:entryId", "routes/records/entry.tsx"),
  route("cases/:caseId/records/:entryId/edit", "routes/records/edit.tsx"),
  route("cases/:caseId/records/:entryId/share", "routes/records/share.tsx"),
] satisfies RouteConfigEntry[];
