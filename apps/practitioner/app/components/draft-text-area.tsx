// A long text in a practitioner form that is saved as it is typed (issue 6: nothing lost on
// a time-out or a dropped connection). The text goes to this person's private draft of the
// form (POST /cases/:caseId/drafts) and comes back when the page is opened again; saving the
// form clears the draft. Without JavaScript it is an ordinary textarea in the form.
import { intlLocale } from "@homeward/i18n";
import { useTranslation } from "@homeward/i18n/react";
import { AutosaveTextArea } from "@homeward/ui";

export interface DraftTextAreaProps {
  caseId: string;
  /** The form's draft key, e.g. `decision:new` (see draftPurposes in the service). */
  formKey: string;
  /**
   * Changes when the form is saved: the version of the record it edits, or for a form that
   * adds records, something that changes when one is added (how many there are).
   */
  base: string;
  name: string;
  label: string;
  description?: string;
  rows?: number;
  /** What the person typed before a failed submit, else the draft, else the saved text. */
  defaultValue: string;
  isRequired?: boolean;
}

export function DraftTextArea({
  caseId,
  formKey,
  base,
  name,
  rows = 5,
  ...props
}: DraftTextAreaProps) {
  const { t, i18n } = useTranslation("practitioner");
  const time = (at: Date) =>
    new Intl.DateTimeFormat(intlLocale(i18n.language), {
      hour: "2-digit",
      minute: "2-digit",
      timeZone: "Europe/London",
    }).format(at);
  return (
    <>
      {/* Tells the action which draft the saved form replaces (clearFormDraft). */}
      <input type="hidden" name="draftBase" value={base} />
      <AutosaveTextArea
        {...props}
        name={name}
        rows={rows}
        storageKey={`homeward:draft:${caseId}:${formKey}:${name}`}
        base={base}
        discardOtherBase
        action={`/cases/${caseId}/drafts`}
        autosaveFields={{ formKey, field: name, base }}
        messages={{
          saved: (at) => t("drafts.saved", { time: time(at) }),
          saving: t("drafts.saving"),
          notSaved: t("drafts.notSaved"),
          restored: t("drafts.restored"),
        }}
      />
    </>
  );
}

/** The starting text of a draft-backed field: typed before a failed submit, draft, saved. */
export function draftValue(
  name: string,
  typed: Record<string, string> | undefined,
  draft: { fields: Record<string, string> } | undefined | null,
  saved = "",
): string {
  return typed?.[name] ?? draft?.fields[name] ?? saved;
}
