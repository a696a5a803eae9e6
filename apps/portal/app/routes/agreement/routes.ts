// The agreement pages' routes (file paths are relative to app/).
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export default [
  route("agreement", "routes/agreement/index.tsx"),
  route("agreement/print", "routes/agreement/print.tsx"),
] satisfies RouteConfigEntry[];
