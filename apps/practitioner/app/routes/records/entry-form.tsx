// The fields of a record entry, shared by the "new entry" and "edit" pages. The long text
// autosaves on the edit page (like the chronology), so nothing typed is lost.
import { intlLocale } from "@homeward/i18n";
import { useTranslation } from "@homeward/i18n/react";
import type { EditableEntry } from "@homeward/services/record-review";
import { AutosaveTextArea, RadioGroup, TextField } from "@homeward/ui";

export type Values = Record<string, string>;

export const entryKinds = ["case_note", "assessment_section", "meeting_minutes"] as const;

function time(at: Date, language: string) {
  return new Intl.DateTimeFormat(intlLocale(language), {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/London",
  }).format(at);
}

export function EntryFields({
  values,
  autosave,
}: {
  values: Values;
  autosave: { entryId: string; version: number; setVersion: (version: number) => void } | null;
}) {
  const { t, i18n } = useTranslation("review");
  return (
    <>
      <RadioGroup
        label={t("fields.kind")}
        name="kind"
        defaultValue={values.kind || "case_note"}
        options={entryKinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
      />
      <TextField
        label={t("fields.title")}
        description={t("fields.titleHelp")}
        name="title"
        defaultValue={values.title ?? ""}
      />
      {autosave ? (
        <AutosaveTextArea
          label={t("fields.body")}
          description={t("fields.bodyHelp")}
          name="body"
          rows={10}
          defaultValue={values.body ?? ""}
          storageKey={`homeward:records:${autosave.entryId}:body`}
          base={String(autosave.version)}
          autosaveFields={{ entryId: autosave.entryId, version: String(autosave.version) }}
          messages={{
            saved: (at) => t("autosave.saved", { time: time(at, i18n.language) }),
            saving: t("autosave.saving"),
            notSaved: t("autosave.notSaved"),
            restored: t("autosave.restored"),
          }}
          onAutosaved={(answer) => {
            const version = (answer as { version?: number | null }).version;
            if (answer.autosaved && typeof version === "number") autosave.setVersion(version);
          }}
          onRestore={(base) => {
            const version = Number(base);
            if (Number.isInteger(version) && version > 0) autosave.setVersion(version);
          }}
        />
      ) : (
        <TextField
          label={t("fields.body")}
          description={t("fields.bodyHelp")}
          name="body"
          multiline
          rows={10}
          defaultValue={values.body ?? ""}
        />
      )}
      <div className="hw-check">
        <input
          type="checkbox"
          id="field-notForFamily"
          name="notForFamily"
          value="on"
          defaultChecked={values.notForFamily === "on"}
          aria-describedby="field-notForFamily-help"
        />
        <label htmlFor="field-notForFamily">{t("fields.notForFamily")}</label>
        <p id="field-notForFamily-help" className="hw-field__description">
          {t("fields.notForFamilyHelp")}
        </p>
      </div>
    </>
  );
}

export function valuesOf(entry: EditableEntry): Values {
  return {
    kind: entry.kind,
    title: entry.title,
    body: entry.body,
    notForFamily: entry.notForFamily ? "on" : "",
  };
}
