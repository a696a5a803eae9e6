// The cases pages' routes (file paths are relative to app/).
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export default [
  route("cases/:caseId", "routes/cases/overview.tsx"),
  route("cases/:caseId/drafts", "routes/cases/drafts.ts"),
  route("cases/:caseId/activity", "routes/cases/activity.tsx"),
] satisfies RouteConfigEntry[];
