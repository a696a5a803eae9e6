// The interpreter's pages (issue 8): who they interpret for, and the side-by-side view of
// that person's pages. File paths are relative to app/.
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export default [
  route("interpret", "routes/interpret/index.tsx"),
  route("interpret/accept", "routes/interpret/accept.tsx"),
  route("interpret/:caseId/:page/:entryId?", "routes/interpret/side-by-side.tsx"),
] satisfies RouteConfigEntry[];
