export {
  type AppServices,
  type RequestFacts,
  requestContext,
  servicesContext,
} from "./contexts.ts";
export {
  assertSameOrigin,
  languageBundle,
  languageFor,
  optionalViewer,
  requestFacts,
  requestMemo,
  requireViewer,
  safeNextPath,
  services,
} from "./requests.ts";
export { type FormResult, keptValues, parseForm } from "./forms.ts";
export {
  finishSignIn,
  requestPasswordReset,
  resetPassword,
  type SignInOutcome,
  signOut,
  startSignIn,
} from "./sign-in.ts";
export { changeLanguage, healthResponse } from "./pages.ts";
export { type LanguagePageData, languagePage } from "./language-page.ts";
export { hasLeftQuickly, leaveQuickly, leftQuicklySeconds } from "./leave-quickly.ts";
export { orRefuse, serviceContext } from "./service-context.ts";
