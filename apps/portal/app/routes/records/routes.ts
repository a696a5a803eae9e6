// Records to check: entries shared with the person, and one entry with its responses.
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export default [
  route("records", "routes/records/index.tsx"),
  route("records/:entryId", "routes/records/entry.tsx"),
] satisfies RouteConfigEntry[];
