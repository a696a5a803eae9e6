// Any address no page matches. Matching it here (instead of leaving it unmatched) means the
// root loader runs, so "page not found" is shown in the person's language, in the usual frame.
import { data } from "react-router";

export function loader() {
  throw data(null, { status: 404 });
}

export function action() {
  throw data(null, { status: 404 });
}

export default function NotFound() {
  return null;
}
