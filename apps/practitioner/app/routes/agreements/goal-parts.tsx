// The goals of an agreement in the builder: each with its SMART parts (a part not written
// yet is said so, and named in "still needs"), its status and progress (the family's notes
// set apart and attributed), and the forms to edit it, record its status and add a note.
import { useTranslation } from "@homeward/i18n/react";
import type { BuilderGoalView, BuilderView } from "@homeward/services/agreement-builder";
import {
  Button,
  CheckboxGroup,
  ErrorSummary,
  FormErrors,
  RadioGroup,
  TextField,
} from "@homeward/ui";
import { useEffect, useState } from "react";
import { Form, Link } from "react-router";
import { translateErrors } from "../../lib/errors.ts";
import { RecordTextArea } from "../../components/record-text-area.tsx";
import type { FormAnswer } from "./builder.tsx";
import { FormMessage, useDates } from "./sections.tsx";

const PARTS = [
  "changeNeeded",
  "measure",
  "evidenceExpected",
  "dueDate",
  "supportOffered",
  "consequence",
] as const;
type Part = (typeof PARTS)[number];
const LONG_PARTS = PARTS.filter((p) => p !== "dueDate");
const GOAL_STATUSES = ["not_started", "in_progress", "achieved", "not_achieved"] as const;

export function GoalSection({
  view,
  editing,
  answer,
}: {
  view: BuilderView;
  editing: string | null;
  answer: FormAnswer | null;
}) {
  const { t } = useTranslation("builder");
  return (
    <section aria-labelledby="goals-title">
      <h2 id="goals-title">{t("goals.heading", { count: view.goals.length })}</h2>
      {view.goals.length === 0 ? <p>{t("goals.none")}</p> : null}
      {view.goals.map((goal) => {
        const mine = answer && answer.target === goal.goalId ? answer : null;
        const isEditing = editing === goal.goalId || mine?.intent === "saveGoal";
        return (
          <article
            key={goal.goalId}
            id={`goal-${goal.goalId}`}
            className="hw-card"
            aria-labelledby={`goal-${goal.goalId}-title`}
          >
            <h3 id={`goal-${goal.goalId}-title`}>{t("goals.goal", { number: goal.number })}</h3>
            {isEditing && view.canEdit ? (
              <GoalForm
                view={view}
                goal={goal}
                answer={mine?.intent === "saveGoal" ? mine : null}
              />
            ) : (
              <GoalCard view={view} goal={goal} />
            )}
            {view.status === "published" && view.canEdit ? (
              <StatusForm
                view={view}
                goal={goal}
                answer={mine?.intent === "goalStatus" ? mine : null}
              />
            ) : null}
            <ProgressList goal={goal} />
            {view.canAddProgress ? (
              <AddProgress goal={goal} answer={mine?.intent === "progress" ? mine : null} />
            ) : null}
          </article>
        );
      })}
    </section>
  );
}

function GoalCard({ view, goal }: { view: BuilderView; goal: BuilderGoalView }) {
  const { t } = useTranslation("builder");
  const { day, list } = useDates();
  const text = (part: Part) =>
    part === "dueDate" ? (goal.dueDate ? day(goal.dueDate) : "") : goal[part];
  return (
    <>
      <p className="hw-status">
        {t("goals.statusLabel")}: {t(`goalStatus.${goal.status}`)}
      </p>
      <p>
        {t("goals.factors")}:{" "}
        {goal.factorIds.length > 0
          ? list(goal.factorIds.map((id) => t(`rules:factors.${id}`)))
          : t("goals.noFactors")}
      </p>
      <dl className="hw-details">
        {PARTS.map((part) => (
          <div key={part}>
            <dt>{t(`parts.${part}`)}</dt>
            <dd className={text(part) ? "hw-entry-body" : "hw-status"}>
              {text(part) || t("goals.notWritten")}
            </dd>
          </div>
        ))}
      </dl>
      <p className={goal.missing.length > 0 ? "hw-status" : undefined}>
        {goal.missing.length > 0
          ? t("goals.stillNeeds", { parts: list(goal.missing.map((p) => t(`parts.${p}`))) })
          : t("goals.complete")}
      </p>
      {view.canEdit ? (
        <p>
          <Link to={`?goal=${goal.goalId}#goal-${goal.goalId}`}>
            {t("goals.edit", { number: goal.number })}
          </Link>
        </p>
      ) : null}
    </>
  );
}

type Values = Record<string, string>;

/**
 * Field ids: the form that holds the server's answer keeps the usual `field-<name>` ids, so
 * its error summary links to its fields; every other form on the page uses its own prefix,
 * so no id is used twice.
 */
export function idsFor(answer: FormAnswer | null, prefix: string): string | null {
  return answer ? null : prefix;
}

function goalValues(goal: BuilderGoalView): Values {
  return {
    changeNeeded: goal.changeNeeded,
    measure: goal.measure,
    evidenceExpected: goal.evidenceExpected,
    dueDate: goal.dueDate,
    supportOffered: goal.supportOffered,
    consequence: goal.consequence,
  };
}

/** The SMART parts as fields; in a draft the long texts save as the person types. */
function GoalFields({
  view,
  values,
  factorIds,
  autosave,
  idPrefix,
}: {
  view: BuilderView;
  values: Values;
  factorIds: readonly string[];
  autosave: { goalId: string; version: number; setVersion: (version: number) => void } | null;
  /** Several goal forms can be on the page: each gets its own ids (see `idsFor`). */
  idPrefix: string | null;
}) {
  const id = (name: string) => (idPrefix ? `${idPrefix}-${name}` : undefined);
  const { t } = useTranslation("builder");
  const longText = (part: (typeof LONG_PARTS)[number]) =>
    autosave ? (
      <RecordTextArea
        namespace="builder"
        key={part}
        id={id(part)}
        label={t(`parts.${part}`)}
        description={t(`partsHelp.${part}`)}
        name={part}
        rows={3}
        defaultValue={values[part] ?? ""}
        storageKey={`homeward:agreement-goal:${autosave.goalId}:${part}`}
        version={autosave.version}
        setVersion={autosave.setVersion}
        fields={{ goalId: autosave.goalId, field: part }}
      />
    ) : (
      <TextField
        key={part}
        id={id(part)}
        label={t(`parts.${part}`)}
        description={t(`partsHelp.${part}`)}
        name={part}
        multiline
        rows={3}
        defaultValue={values[part] ?? ""}
      />
    );
  return (
    <>
      {view.identifiedFactors.length > 0 ? (
        <CheckboxGroup
          id={id("factorIds")}
          label={t("goals.factorsLabel")}
          name="factorIds"
          defaultValue={[...factorIds]}
          options={view.identifiedFactors.map((id) => ({
            value: id,
            label: t(`rules:factors.${id}`),
          }))}
        />
      ) : null}
      {longText("changeNeeded")}
      {longText("measure")}
      {longText("evidenceExpected")}
      <TextField
        id={id("dueDate")}
        label={t("parts.dueDate")}
        description={t("partsHelp.dueDate")}
        name="dueDate"
        type="date"
        defaultValue={values.dueDate ?? ""}
      />
      {longText("supportOffered")}
      {longText("consequence")}
    </>
  );
}

function GoalForm({
  view,
  goal,
  answer,
}: {
  view: BuilderView;
  goal: BuilderGoalView;
  answer: FormAnswer | null;
}) {
  const { t } = useTranslation("builder");
  const [version, setVersion] = useState(goal.version);
  // After a conflict the page shows the saved goal: the next save is made on it.
  const conflictVersion = answer?.conflict ? goal.version : null;
  useEffect(() => {
    if (conflictVersion) setVersion(conflictVersion);
  }, [conflictVersion]);
  const errors = translateErrors(t, answer?.errors);
  const values = answer?.kept.values ?? goalValues(goal);
  const factorIds = answer?.kept.lists.factorIds ?? goal.factorIds;
  const titleId = `goal-${goal.goalId}-edit`;
  return (
    <section aria-labelledby={titleId}>
      <h4 id={titleId}>{t("goals.editHeading", { number: goal.number })}</h4>
      {answer ? <FormMessage answer={answer} view={view} /> : null}
      {answer?.conflict ? <SavedGoal goal={goal} /> : null}
      <ErrorSummary title={t("auth:errors.summaryTitle")} errors={errors} />
      <p>{view.status === "draft" ? t("goals.draftNote") : t("goals.publishedNote")}</p>
      <Form method="post" noValidate aria-labelledby={titleId}>
        <FormErrors errors={errors}>
          <input type="hidden" name="intent" value="saveGoal" />
          <input type="hidden" name="goalId" value={goal.goalId} />
          <input type="hidden" name="version" value={version} />
          <GoalFields
            view={view}
            values={values}
            factorIds={factorIds}
            autosave={view.status === "draft" ? { goalId: goal.goalId, version, setVersion } : null}
            idPrefix={idsFor(answer, `goal-${goal.goalId}-edit`)}
          />
          <div className="hw-actions">
            <Button>{t("goals.submit", { number: goal.number })}</Button>
            <Link to={`?#goal-${goal.goalId}`}>{t("goals.cancel")}</Link>
          </div>
        </FormErrors>
      </Form>
    </section>
  );
}

/** The goal as saved by someone else, beside the form that still holds what was typed. */
function SavedGoal({ goal }: { goal: BuilderGoalView }) {
  const { t } = useTranslation("builder");
  const { day } = useDates();
  return (
    <section className="hw-card" aria-labelledby={`goal-${goal.goalId}-saved`}>
      <h5 id={`goal-${goal.goalId}-saved`}>{t("conflict.saved")}</h5>
      <p>{t("conflict.body")}</p>
      <dl className="hw-details">
        {PARTS.map((part) => (
          <div key={part}>
            <dt>{t(`parts.${part}`)}</dt>
            <dd className="hw-entry-body">
              {(part === "dueDate" ? (goal.dueDate ? day(goal.dueDate) : "") : goal[part]) ||
                t("goals.notWritten")}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function NewGoal({ view, answer }: { view: BuilderView; answer: FormAnswer | null }) {
  const { t } = useTranslation("builder");
  const errors = translateErrors(t, answer?.errors);
  return (
    <section aria-labelledby="goal-add-title">
      <h2 id="goal-add-title">{t("goals.addHeading")}</h2>
      {answer ? <FormMessage answer={answer} view={view} /> : null}
      <ErrorSummary title={t("auth:errors.summaryTitle")} errors={errors} />
      <p>{view.status === "draft" ? t("goals.draftNote") : t("goals.publishedNote")}</p>
      {/* A new key after each added goal clears the form once it has been saved. */}
      <Form method="post" noValidate aria-labelledby="goal-add-title" key={view.goals.length}>
        <FormErrors errors={errors}>
          <input type="hidden" name="intent" value="addGoal" />
          <input type="hidden" name="version" value={view.version} />
          <GoalFields
            view={view}
            values={answer?.kept.values ?? {}}
            factorIds={answer?.kept.lists.factorIds ?? []}
            autosave={null}
            idPrefix={idsFor(answer, "new-goal")}
          />
          <Button>{t("goals.add")}</Button>
        </FormErrors>
      </Form>
    </section>
  );
}

function StatusForm({
  view,
  goal,
  answer,
}: {
  view: BuilderView;
  goal: BuilderGoalView;
  answer: FormAnswer | null;
}) {
  const { t } = useTranslation("builder");
  const errors = translateErrors(t, answer?.errors);
  const values = answer?.kept.values ?? {};
  const titleId = `goal-${goal.goalId}-status`;
  const prefix = idsFor(answer, titleId);
  const id = (name: string) => (prefix ? `${prefix}-${name}` : undefined);
  return (
    <section aria-labelledby={titleId}>
      <h4 id={titleId}>{t("statusForm.heading", { number: goal.number })}</h4>
      {answer ? <FormMessage answer={answer} view={view} /> : null}
      <ErrorSummary title={t("auth:errors.summaryTitle")} errors={errors} />
      <Form method="post" noValidate aria-labelledby={titleId}>
        <FormErrors errors={errors}>
          <input type="hidden" name="intent" value="goalStatus" />
          <input type="hidden" name="goalId" value={goal.goalId} />
          <input type="hidden" name="version" value={goal.version} />
          <RadioGroup
            id={id("status")}
            label={t("statusForm.statusLabel")}
            name="status"
            defaultValue={values.status || goal.status}
            options={GOAL_STATUSES.map((s) => ({ value: s, label: t(`goalStatus.${s}`) }))}
          />
          <TextField
            id={id("note")}
            label={t("statusForm.noteLabel")}
            name="note"
            multiline
            rows={2}
            defaultValue={values.note ?? ""}
          />
          <TextField
            id={id("evidence")}
            label={t("statusForm.evidenceLabel")}
            description={t("statusForm.evidenceHelp")}
            name="evidence"
            multiline
            rows={2}
            defaultValue={values.evidence ?? ""}
          />
          <Button variant="secondary">{t("statusForm.submit")}</Button>
        </FormErrors>
      </Form>
    </section>
  );
}

function ProgressList({ goal }: { goal: BuilderGoalView }) {
  const { t } = useTranslation("builder");
  const { on } = useDates();
  return (
    <>
      <h4>{t("progress.heading")}</h4>
      {goal.entries.length === 0 ? (
        <p>{t("progress.none")}</p>
      ) : (
        <ul className="hw-list">
          {goal.entries.map((entry) => {
            const date = on(entry.createdAt);
            const role = entry.authorRole ? t(`roles.${entry.authorRole}`) : "";
            const byline = !entry.fromFamily
              ? t("progress.byPractitioner", { name: entry.authorName, date })
              : entry.onBehalfOfName
                ? t("progress.forPerson", {
                    name: entry.authorName,
                    role,
                    person: entry.onBehalfOfName,
                    date,
                  })
                : t("progress.fromFamily", { name: entry.authorName, role, date });
            return (
              <li
                key={entry.id}
                className={entry.fromFamily ? "hw-family-note" : undefined}
                data-from-family={entry.fromFamily ? "yes" : undefined}
              >
                <p className="hw-status">{byline}</p>
                <p className="hw-entry-body" dir="auto">
                  {entry.note}
                </p>
                {entry.evidence ? (
                  <p className="hw-entry-body" dir="auto">
                    {t("progress.evidence")}: {entry.evidence}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

function AddProgress({ goal, answer }: { goal: BuilderGoalView; answer: FormAnswer | null }) {
  const { t } = useTranslation("builder");
  const errors = translateErrors(t, answer?.errors);
  const values = answer?.kept.values ?? {};
  const titleId = `goal-${goal.goalId}-progress`;
  const prefix = idsFor(answer, titleId);
  const id = (name: string) => (prefix ? `${prefix}-${name}` : undefined);
  return (
    <section aria-labelledby={titleId}>
      <h4 id={titleId}>{t("progress.addHeading", { number: goal.number })}</h4>
      <ErrorSummary title={t("auth:errors.summaryTitle")} errors={errors} />
      <Form method="post" noValidate aria-labelledby={titleId} key={goal.entries.length}>
        <FormErrors errors={errors}>
          <input type="hidden" name="intent" value="progress" />
          <input type="hidden" name="goalId" value={goal.goalId} />
          <TextField
            id={id("note")}
            label={t("progress.noteLabel")}
            name="note"
            multiline
            rows={2}
            defaultValue={values.note ?? ""}
          />
          <TextField
            id={id("evidence")}
            label={t("progress.evidenceLabel")}
            name="evidence"
            multiline
            rows={2}
            defaultValue={values.evidence ?? ""}
          />
          <Button variant="secondary">{t("progress.submit")}</Button>
        </FormErrors>
      </Form>
    </section>
  );
}
