// The decisions pages' routes (file paths are relative to app/).
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export default [
  route("cases/:caseId/decisions", "routes/decisions/index.tsx"),
] satisfies RouteConfigEntry[];
