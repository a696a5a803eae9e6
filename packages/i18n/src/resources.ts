// Every translation, for the server. Browsers get only their own language's namespaces,
// sent with the page (see root loaders), so other languages never reach the client bundle.
import type { LanguageCode, Namespace } from "./config.ts";
import en_common from "./locales/en/common.json" with { type: "json" };
import en_auth from "./locales/en/auth.json" with { type: "json" };
import en_portal from "./locales/en/portal.json" with { type: "json" };
import en_practitioner from "./locales/en/practitioner.json" with { type: "json" };
import en_rules from "./locales/en/rules.json" with { type: "json" };
import en_mail from "./locales/en/mail.json" with { type: "json" };
import cy_common from "./locales/cy/common.json" with { type: "json" };
import cy_auth from "./locales/cy/auth.json" with { type: "json" };
import cy_portal from "./locales/cy/portal.json" with { type: "json" };
import cy_practitioner from "./locales/cy/practitioner.json" with { type: "json" };
import cy_rules from "./locales/cy/rules.json" with { type: "json" };
import cy_mail from "./locales/cy/mail.json" with { type: "json" };
import ar_common from "./locales/ar/common.json" with { type: "json" };
import ar_auth from "./locales/ar/auth.json" with { type: "json" };
import ar_portal from "./locales/ar/portal.json" with { type: "json" };
import ar_practitioner from "./locales/ar/practitioner.json" with { type: "json" };
import ar_rules from "./locales/ar/rules.json" with { type: "json" };
import ar_mail from "./locales/ar/mail.json" with { type: "json" };

export type Messages = { [key: string]: string | Messages };

export const resources: Record<LanguageCode, Record<Namespace, Messages>> = {
  en: {
    common: en_common,
    auth: en_auth,
    portal: en_portal,
    practitioner: en_practitioner,
    rules: en_rules,
    mail: en_mail,
  },
  cy: {
    common: cy_common,
    auth: cy_auth,
    portal: cy_portal,
    practitioner: cy_practitioner,
    rules: cy_rules,
    mail: cy_mail,
  },
  ar: {
    common: ar_common,
    auth: ar_auth,
    portal: ar_portal,
    practitioner: ar_practitioner,
    rules: ar_rules,
    mail: ar_mail,
  },
};
