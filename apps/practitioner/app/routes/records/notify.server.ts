// What the record services need to email family members: the practitioner app's mailer and
// the portal's public origin (emails link to the portal, never to this app).
import { services } from "@homeward/runtime";
import type { NotifyDeps } from "@homeward/services/notifications";
import type { RouterContextProvider } from "react-router";

export function notifyDeps(context: Readonly<RouterContextProvider>): NotifyDeps {
  const svc = services(context);
  return { db: svc.db, mailer: svc.mailer, portalOrigin: svc.otherOrigin };
}
