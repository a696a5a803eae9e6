// The first words of a goal made from a factor, in the practitioner's language: the
// practitioner then rewrites them with the family (framework.md: goals written plainly).
import { bundleFor, createTranslator, type LanguageCode } from "@homeward/i18n";
import { resources } from "@homeward/i18n/server";

export function prefillFor(lng: LanguageCode, factorIds: readonly string[]) {
  const i18n = createTranslator(bundleFor(lng, resources, ["builder", "rules"]));
  const t = i18n.getFixedT(lng, "builder");
  return Object.fromEntries(
    factorIds.map((id) => [id, t("create.prefill", { factor: t(`rules:factors.${id}`) })]),
  );
}
