// The parental agreement builder's routes (file paths are relative to app/).
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export default [
  route("cases/:caseId/agreements", "routes/agreements/index.tsx"),
  route("cases/:caseId/agreements/:agreementId", "routes/agreements/builder.tsx"),
] satisfies RouteConfigEntry[];
