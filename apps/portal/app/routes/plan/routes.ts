// The family's plan page (issue 7, part 3). File paths are relative to app/.
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export default [route("plan", "routes/plan/index.tsx")] satisfies RouteConfigEntry[];
