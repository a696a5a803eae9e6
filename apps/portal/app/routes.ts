import { index, layout, type RouteConfig, route } from "@react-router/dev/routes";
import account from "./routes/account/routes.ts";
import advocacy from "./routes/advocacy/routes.ts";
import agreement from "./routes/agreement/routes.ts";
import interpret from "./routes/interpret/routes.ts";
import glossary from "./routes/glossary/routes.ts";
import meetings from "./routes/meetings/routes.ts";
import plan from "./routes/plan/routes.ts";
import records from "./routes/records/routes.ts";
import traffic from "./routes/traffic/routes.ts";
import wishes from "./routes/wishes/routes.ts";

export default [
  layout("routes/shell.tsx", [
    index("routes/home.tsx"),
    route("sign-in", "routes/sign-in.tsx"),
    route("sign-in/code", "routes/sign-in-code.tsx"),
    route("sign-out", "routes/sign-out.tsx"),
    route("leave", "routes/leave.tsx"),
    route("forgot-password", "routes/forgot-password.tsx"),
    route("reset-password", "routes/reset-password.tsx"),
    route("language", "routes/language.tsx"),
    route("health", "routes/health.ts"),
    route("dev/outbox", "routes/dev-outbox.tsx"),
    ...traffic,
    ...agreement,
    ...records,
    ...wishes,
    ...meetings,
    ...plan,
    ...interpret,
    ...glossary,
    ...account,
    ...advocacy,
    // Last: every other address is a translated "page not found".
    route("*", "routes/not-found.tsx"),
  ]),
] satisfies RouteConfig;
