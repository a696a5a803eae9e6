// Composes the emails Homeward sends, in the recipient's language, with no case details.
import { isLanguageCode, type LanguageCode, createTranslator } from "@homeward/i18n";
import { resources } from "@homeward/i18n/server";
import type { Mailer } from "@homeward/mail";

function mailTranslator(language: string | null) {
  const lng: LanguageCode = isLanguageCode(language) ? language : "en";
  return createTranslator({ lng, dir: "ltr", resources: { mail: resources[lng].mail } }).getFixedT(
    lng,
    "mail",
  );
}

interface Recipient {
  email: string;
  language: string | null;
  discreet?: boolean;
}

export function createNotifications(mailer: Mailer) {
  return {
    // Discreet mode: a neutral sender name and subject, so a glance at the inbox (or at a
    // shared phone's lock screen) does not say "Homeward".
    async sendSignInCode(to: Recipient, code: string) {
      const t = mailTranslator(to.language);
      await mailer.send({
        to: to.email,
        subject: to.discreet ? t("notify.discreet.signInCodeSubject") : t("signInCode.subject"),
        text: t("signInCode.body", { code }),
        ...(to.discreet ? { fromName: t("notify.discreet.senderName") } : {}),
      });
    },
    async sendPasswordReset(to: Recipient, url: string) {
      const t = mailTranslator(to.language);
      await mailer.send({
        to: to.email,
        subject: to.discreet
          ? t("notify.discreet.passwordResetSubject")
          : t("passwordReset.subject"),
        text: t("passwordReset.body", { url }),
        ...(to.discreet ? { fromName: t("notify.discreet.senderName") } : {}),
      });
    },
  };
}
