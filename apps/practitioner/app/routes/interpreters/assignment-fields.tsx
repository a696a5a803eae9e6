// The fields assigning an interpreter and inviting one share (issue 8): the person, the
// language interpreted, the period and the person's consent. One component, so the two forms
// ask the same questions with the same names and the service's one schema reads both.
import { languages } from "@homeward/i18n";
import { useTranslation } from "@homeward/i18n/react";
import { CheckboxGroup, RadioGroup, TextField } from "@homeward/ui";

/** A family language's own name, or nothing for a code we do not know. */
export function languageName(code: string | null): string {
  return languages.find((l) => l.code === code)?.name ?? "";
}

export function AssignmentFields({
  people,
  values,
}: {
  people: { memberId: string; name: string; language: string | null }[];
  /** What was typed, kept after a refused post. */
  values: Record<string, string>;
}) {
  const { t } = useTranslation("interpreters");
  return (
    <>
      <RadioGroup
        label={t("assign.person")}
        name="forMemberId"
        defaultValue={values.forMemberId || undefined}
        isRequired
        options={people.map((p) => ({
          value: p.memberId,
          label: p.name,
          description: p.language
            ? t("assign.personLanguage", { language: languageName(p.language) })
            : undefined,
        }))}
      />
      <RadioGroup
        label={t("assign.language")}
        name="language"
        defaultValue={values.language || undefined}
        isRequired
        options={languages
          .filter((l) => l.code !== "en")
          .map((l) => ({ value: l.code, label: l.name }))}
      />
      <TextField
        label={t("assign.from")}
        description={t("assign.fromHelp")}
        name="activeFrom"
        type="date"
        defaultValue={values.activeFrom ?? ""}
      />
      <TextField
        label={t("assign.until")}
        description={t("assign.untilHelp")}
        name="activeUntil"
        type="date"
        defaultValue={values.activeUntil ?? ""}
        isRequired
      />
      <CheckboxGroup
        label={t("assign.consent")}
        name="consent"
        defaultValue={values.consent === "yes" ? ["yes"] : []}
        isRequired
        options={[{ value: "yes", label: t("assign.consentOption") }]}
      />
    </>
  );
}

/** The interpreter's address: found among the accounts, or where the invitation goes. */
export function InterpreterEmailField({ label, value }: { label: string; value: string }) {
  return (
    <TextField
      label={label}
      name="email"
      type="email"
      autoComplete="off"
      defaultValue={value}
      isRequired
    />
  );
}
