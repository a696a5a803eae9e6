// The interpreters page's route (file paths are relative to app/).
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export default [
  route("cases/:caseId/interpreters", "routes/interpreters/index.tsx"),
  route("cases/:caseId/interpreters/invite", "routes/interpreters/invite.tsx"),
] satisfies RouteConfigEntry[];
