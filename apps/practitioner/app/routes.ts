import { index, layout, type RouteConfig, route } from "@react-router/dev/routes";
import assessment from "./routes/assessment/routes.ts";
import caseload from "./routes/caseload/routes.ts";
import cases from "./routes/cases/routes.ts";
import chronology from "./routes/chronology/routes.ts";
import advocates from "./routes/advocates/routes.ts";
import agreements from "./routes/agreements/routes.ts";
import decisions from "./routes/decisions/routes.ts";
import interpreters from "./routes/interpreters/routes.ts";
import manager from "./routes/manager/routes.ts";
import people from "./routes/people/routes.ts";
import plans from "./routes/plans/routes.ts";
import records from "./routes/records/routes.ts";

export default [
  layout("routes/shell.tsx", [
    index("routes/home.tsx"),
    route("sign-in", "routes/sign-in.tsx"),
    route("sign-in/code", "routes/sign-in-code.tsx"),
    route("sign-out", "routes/sign-out.tsx"),
    route("forgot-password", "routes/forgot-password.tsx"),
    route("reset-password", "routes/reset-password.tsx"),
    route("language", "routes/language.tsx"),
    route("health", "routes/health.ts"),
    ...caseload,
    ...cases,
    ...chronology,
    ...assessment,
    ...decisions,
    ...plans,
    ...interpreters,
    ...records,
    ...agreements,
    ...manager,
    ...advocates,
    ...people,
    // Last: every other address is a translated "page not found".
    route("*", "routes/not-found.tsx"),
  ]),
] satisfies RouteConfig;
