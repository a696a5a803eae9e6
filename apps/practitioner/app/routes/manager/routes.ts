// The manager view's routes (file paths are relative to app/): the figures page, and the
// same figures as a CSV download (a resource route).
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export default [
  route("manager", "routes/manager/index.tsx"),
  route("manager/figures.csv", "routes/manager/export.ts"),
] satisfies RouteConfigEntry[];
