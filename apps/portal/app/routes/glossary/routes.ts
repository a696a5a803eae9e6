// The glossary and "How this works" (issue 8): public pages, no case data. Paths are
// relative to app/.
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export default [
  route("glossary", "routes/glossary/index.tsx"),
  route("how-it-works", "routes/glossary/how-it-works.tsx"),
] satisfies RouteConfigEntry[];
