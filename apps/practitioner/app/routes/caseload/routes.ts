// The caseload pages' routes (file paths are relative to app/). The caseload itself is the
// app's index page (routes/home.tsx, declared in app/routes.ts), filtered and sorted by its
// query string; it needs no further routes.
import type { RouteConfigEntry } from "@react-router/dev/routes";

export default [] satisfies RouteConfigEntry[];
