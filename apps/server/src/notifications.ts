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

export function createNotifications(mailer: Mailer) {
  return {
    async sendSignInCode(to: { email: string; language: string | null }, code: string) {
      const t = mailTranslator(to.language);
      await mailer.send({
        to: to.email,
        subject: t("signInCode.subject"),
        text: t("signInCode.body", { code }),
      });
    },
    async sendPasswordReset(to: { email: string; language: string | null }, url: string) {
      const t = mailTranslator(to.language);
      await mailer.send({
        to: to.email,
        subject: t("passwordReset.subject"),
        text: t("passwordReset.body", { url }),
      });
    },
  };
}
