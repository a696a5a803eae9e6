// The chronology pages' routes (file paths are relative to app/).
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export default [
  route("cases/:caseId/chronology", "routes/chronology/index.tsx"),
  route("cases/:caseId/chronology/reader", "routes/chronology/reader.tsx"),
] satisfies RouteConfigEntry[];
