import { healthResponse } from "@homeward/runtime";
import type { Route } from "./+types/health";

export function loader({ context }: Route.LoaderArgs) {
  return healthResponse(context);
}
