// Advocates (issue 8): "My advocate" for a parent or young person, the invitation link an
// advocate opens, and the advocate's own page of the people they support.
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export default [
  route("advocacy", "routes/advocacy/index.tsx"),
  route("advocacy/accept", "routes/advocacy/accept.tsx"),
  route("advocacy/people", "routes/advocacy/people.tsx"),
] satisfies RouteConfigEntry[];
