// The plans pages' routes (file paths are relative to app/).
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export default [
  route("cases/:caseId/plans", "routes/plans/index.tsx"),
  route("cases/:caseId/plans/:planId", "routes/plans/edit.tsx"),
] satisfies RouteConfigEntry[];
