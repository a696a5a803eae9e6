// Every translation, for the server. Browsers get only their own language's namespaces,
// sent with the page (see root loaders), so other languages never reach the client bundle.
import type { LanguageCode, Namespace } from "./config.ts";
import en_common from "./locales/en/common.json" with { type: "json" };
import en_auth from "./locales/en/auth.json" with { type: "json" };
import en_portal from "./locales/en/portal.json" with { type: "json" };
import en_practitioner from "./locales/en/practitioner.json" with { type: "json" };
import en_rules from "./locales/en/rules.json" with { type: "json" };
import en_mail from "./locales/en/mail.json" with { type: "json" };
import en_records from "./locales/en/records.json" with { type: "json" };
import en_traffic from "./locales/en/traffic.json" with { type: "json" };
import en_meetings from "./locales/en/meetings.json" with { type: "json" };
import en_agreement from "./locales/en/agreement.json" with { type: "json" };
import en_wishes from "./locales/en/wishes.json" with { type: "json" };
import en_account from "./locales/en/account.json" with { type: "json" };
import en_caseload from "./locales/en/caseload.json" with { type: "json" };
import en_chronology from "./locales/en/chronology.json" with { type: "json" };
import en_assessment from "./locales/en/assessment.json" with { type: "json" };
import en_decisions from "./locales/en/decisions.json" with { type: "json" };
import cy_common from "./locales/cy/common.json" with { type: "json" };
import cy_auth from "./locales/cy/auth.json" with { type: "json" };
import cy_portal from "./locales/cy/portal.json" with { type: "json" };
import cy_practitioner from "./locales/cy/practitioner.json" with { type: "json" };
import cy_rules from "./locales/cy/rules.json" with { type: "json" };
import cy_mail from "./locales/cy/mail.json" with { type: "json" };
import cy_records from "./locales/cy/records.json" with { type: "json" };
import cy_traffic from "./locales/cy/traffic.json" with { type: "json" };
import cy_meetings from "./locales/cy/meetings.json" with { type: "json" };
import cy_agreement from "./locales/cy/agreement.json" with { type: "json" };
import cy_wishes from "./locales/cy/wishes.json" with { type: "json" };
import cy_account from "./locales/cy/account.json" with { type: "json" };
import cy_caseload from "./locales/cy/caseload.json" with { type: "json" };
import cy_chronology from "./locales/cy/chronology.json" with { type: "json" };
import cy_assessment from "./locales/cy/assessment.json" with { type: "json" };
import cy_decisions from "./locales/cy/decisions.json" with { type: "json" };
import ar_common from "./locales/ar/common.json" with { type: "json" };
import ar_auth from "./locales/ar/auth.json" with { type: "json" };
import ar_portal from "./locales/ar/portal.json" with { type: "json" };
import ar_practitioner from "./locales/ar/practitioner.json" with { type: "json" };
import ar_rules from "./locales/ar/rules.json" with { type: "json" };
import ar_mail from "./locales/ar/mail.json" with { type: "json" };
import ar_records from "./locales/ar/records.json" with { type: "json" };
import ar_traffic from "./locales/ar/traffic.json" with { type: "json" };
import ar_meetings from "./locales/ar/meetings.json" with { type: "json" };
import ar_agreement from "./locales/ar/agreement.json" with { type: "json" };
import ar_wishes from "./locales/ar/wishes.json" with { type: "json" };
import ar_account from "./locales/ar/account.json" with { type: "json" };
import ar_caseload from "./locales/ar/caseload.json" with { type: "json" };
import ar_chronology from "./locales/ar/chronology.json" with { type: "json" };
import ar_assessment from "./locales/ar/assessment.json" with { type: "json" };
import ar_decisions from "./locales/ar/decisions.json" with { type: "json" };

export type Messages = { [key: string]: string | Messages };

export const resources: Record<LanguageCode, Record<Namespace, Messages>> = {
  en: {
    common: en_common,
    auth: en_auth,
    portal: en_portal,
    practitioner: en_practitioner,
    rules: en_rules,
    mail: en_mail,
    records: en_records,
    traffic: en_traffic,
    meetings: en_meetings,
    agreement: en_agreement,
    wishes: en_wishes,
    account: en_account,
    caseload: en_caseload,
    chronology: en_chronology,
    assessment: en_assessment,
    decisions: en_decisions,
  },
  cy: {
    common: cy_common,
    auth: cy_auth,
    portal: cy_portal,
    practitioner: cy_practitioner,
    rules: cy_rules,
    mail: cy_mail,
    records: cy_records,
    traffic: cy_traffic,
    meetings: cy_meetings,
    agreement: cy_agreement,
    wishes: cy_wishes,
    account: cy_account,
    caseload: cy_caseload,
    chronology: cy_chronology,
    assessment: cy_assessment,
    decisions: cy_decisions,
  },
  ar: {
    common: ar_common,
    auth: ar_auth,
    portal: ar_portal,
    practitioner: ar_practitioner,
    rules: ar_rules,
    mail: ar_mail,
    records: ar_records,
    traffic: ar_traffic,
    meetings: ar_meetings,
    agreement: ar_agreement,
    wishes: ar_wishes,
    account: ar_account,
    caseload: ar_caseload,
    chronology: ar_chronology,
    assessment: ar_assessment,
    decisions: ar_decisions,
  },
};
