// The fields of a record entry, shared by the "new entry" and "edit" pages. The long text
// autosaves on the edit page (like the chronology), so nothing typed is lost.
import { useTranslation } from "@homeward/i18n/react";
import type { EditableEntry } from "@homeward/services/record-review";
import { RadioGroup, TextField } from "@homeward/ui";
import { RecordTextArea } from "../../components/record-text-area.tsx";

export type Values = Record<string, string>;

export const entryKinds = ["case_note", "assessment_section", "meeting_minutes"] as const;

export function EntryFields({
  values,
  autosave,
}: {
  values: Values;
  autosave: { entryId: string; version: number; setVersion: (version: number) => void } | null;
}) {
  const { t } = useTranslation("review");
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
        <RecordTextArea
          namespace="review"
          label={t("fields.body")}
          description={t("fields.bodyHelp")}
          name="body"
          rows={10}
          defaultValue={values.body ?? ""}
          storageKey={`homeward:records:${autosave.entryId}:body`}
          version={autosave.version}
          setVersion={autosave.setVersion}
          fields={{ entryId: autosave.entryId }}
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
