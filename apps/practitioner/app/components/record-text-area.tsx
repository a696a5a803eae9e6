// A long text of a record that already exists, saved as it is typed (issue 6: nothing lost on
// a time-out or a dropped connection). Unlike DraftTextArea (a private draft of a form), each
// save writes the record itself, guarded by its row version: the page keeps that version and
// sends it back, so a save by someone else in between shows as a conflict. Without JavaScript
// it is an ordinary textarea in the form.
import { intlLocale } from "@homeward/i18n";
import { useTranslation } from "@homeward/i18n/react";
import { AutosaveTextArea, type AutosaveTextAreaProps } from "@homeward/ui";

/** The pages' namespaces; each has `autosave.saved`, `.saving`, `.notSaved` and `.restored`. */
export type RecordTextAreaNamespace = "builder" | "chronology" | "plans" | "review";

export interface RecordTextAreaProps
  extends Omit<
    AutosaveTextAreaProps,
    "base" | "autosaveFields" | "messages" | "onAutosaved" | "onRestore"
  > {
  namespace: RecordTextAreaNamespace;
  /** The record's row version the text is based on (the latest save's, once it autosaves). */
  version: number;
  setVersion: (version: number) => void;
  /** Posted with the text: which record and field. The version is added. */
  fields: Record<string, string>;
}

export function RecordTextArea({
  namespace,
  version,
  setVersion,
  fields,
  ...props
}: RecordTextAreaProps) {
  const { t, i18n } = useTranslation(namespace);
  const time = (at: Date) =>
    new Intl.DateTimeFormat(intlLocale(i18n.language), {
      hour: "2-digit",
      minute: "2-digit",
      timeZone: "Europe/London",
    }).format(at);
  return (
    <AutosaveTextArea
      {...props}
      base={String(version)}
      autosaveFields={{ ...fields, version: String(version) }}
      messages={{
        saved: (at) => t(autosaveKey("saved"), { time: time(at) }),
        saving: t(autosaveKey("saving")),
        notSaved: t(autosaveKey("notSaved")),
        restored: t(autosaveKey("restored")),
      }}
      onAutosaved={(answer) => {
        const next = (answer as { version?: number | null }).version;
        if (answer.autosaved && typeof next === "number") setVersion(next);
      }}
      onRestore={(base) => {
        const restored = Number(base);
        if (Number.isInteger(restored) && restored > 0) setVersion(restored);
      }}
    />
  );
}

/** In the page's own namespace (the key check cannot see which one, so it is not a literal). */
function autosaveKey(message: "saved" | "saving" | "notSaved" | "restored"): string {
  return `autosave.${message}`;
}
