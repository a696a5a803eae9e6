// GET /leave: "leave quickly" (see packages/runtime/src/leave-quickly.ts). A GET, not a form
// post, so it works as a plain link and its redirect to another site is not a form action.
import { leaveQuickly } from "@homeward/runtime";
import type { Route } from "./+types/leave";

export function loader({ request, context }: Route.LoaderArgs) {
  return leaveQuickly(context, request);
}
