// The assessment pages' routes (file paths are relative to app/).
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export default [
  route("cases/:caseId/factors", "routes/assessment/factors.tsx"),
  route("cases/:caseId/classification", "routes/assessment/classification.tsx"),
  route("cases/:caseId/classification/:reviewId", "routes/assessment/review.tsx"),
] satisfies RouteConfigEntry[];
