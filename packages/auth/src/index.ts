export { createAccount, type NewAccount } from "./accounts.ts";
export {
  accountKindForApp,
  type AppName,
  type Auth,
  createAuth,
  type CreateAuthOptions,
  sessionPolicy,
} from "./create-auth.ts";
export { checkSameOrigin, type OriginVerdict } from "./origin.ts";
export { callAuthEndpoint, cookiesFrom, getViewer, type Viewer } from "./session.ts";
