// My account: language, easy read and low-data settings, where the person is signed in,
// and changing their password (issue 5, item 8).
import { type RouteConfigEntry, route } from "@react-router/dev/routes";

export default [route("account", "routes/account/index.tsx")] satisfies RouteConfigEntry[];
