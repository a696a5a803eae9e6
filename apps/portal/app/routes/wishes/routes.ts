// My views / my wishes: a parent's views and a young person's wishes and feelings, with the
// social worker's reply (issue 5, item 5).
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export default [route("views", "routes/wishes/index.tsx")] satisfies RouteConfigEntry[];
