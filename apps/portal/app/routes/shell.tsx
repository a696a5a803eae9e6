// A layout route under the root: errors thrown by a page (a refused action, a missing
// record) stop here, so the root loader - the language, the navigation - still runs and
// the error page is shown translated, inside the usual frame.
import { Outlet } from "react-router";
import { ErrorContent } from "../components/error-content.tsx";

export default function ShellLayout() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorContent />;
}
