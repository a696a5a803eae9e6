// Advocates on a case (issue 8): the social worker arranges one with the person's consent.
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export default [
  route("cases/:caseId/advocates", "routes/advocates/index.tsx"),
] satisfies RouteConfigEntry[];
