// The confidential details pages' routes (file paths are relative to app/).
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export default [
  route("cases/:caseId/people", "routes/people/index.tsx"),
  route("cases/:caseId/people/:personId/contact", "routes/people/contact.tsx"),
  route("cases/:caseId/people/names/:nameId", "routes/people/name.tsx"),
] satisfies RouteConfigEntry[];
