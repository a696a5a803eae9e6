export { type Authorized, authorize, auditRead, caseFacts, loadViewer } from "./access.ts";
export { AccessDenied, NotFound, type ServiceContext, StaleWrite } from "./context.ts";
