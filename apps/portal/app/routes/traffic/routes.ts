// The traffic light, explained (issue 5, item 2). File paths are relative to app/.
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export default [route("traffic-light", "routes/traffic/index.tsx")] satisfies RouteConfigEntry[];
