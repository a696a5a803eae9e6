import { changeLanguage } from "@homeward/runtime";
import type { Route } from "./+types/language";

export function loader({ request, context }: Route.LoaderArgs) {
  return changeLanguage(context, request);
}
