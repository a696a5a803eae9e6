import { assertSameOrigin, signOut } from "@homeward/runtime";
import { redirect } from "react-router";
import type { Route } from "./+types/sign-out";

export async function action({ request, context }: Route.ActionArgs) {
  assertSameOrigin(context, request);
  throw redirect("/sign-in", { headers: await signOut(context, request) });
}

export function loader() {
  throw redirect("/");
}
