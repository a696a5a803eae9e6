// A case's parental agreements (issue 7, part 1): each one with its status, version and how
// many of its family members have confirmed the current version; and starting a new draft
// with its parties and goals made from the risk factors the assessment identified.
import { staffLanguageCodes } from "@homeward/i18n";
import { useTranslation } from "@homeward/i18n/react";
import { assertSameOrigin, languageFor } from "@homeward/runtime";
import {
  agreementsForCase,
  type CaseAgreementsView,
  createAgreement,
  createAgreementSchema,
} from "@homeward/services/agreement-builder";
import {
  Button,
  CheckboxGroup,
  ErrorSummary,
  FormErrors,
  PageTitle,
  TextField,
} from "@homeward/ui";
import { data, Form, Link, redirect } from "react-router";
import { CaseNav } from "../../components/case-nav.tsx";
import { translateErrors } from "../../lib/errors.ts";
import { orRefuse, staffContext } from "../../lib/service-context.server.ts";
import { londonDay } from "../assessment/dates.ts";
import type { Route } from "./+types/index";
import { type Kept, kept, parseWith } from "./form.ts";
import { prefillFor } from "./prefill.server.ts";

const LISTS = ["partyMemberIds", "factorIds"] as const;

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { ctx } = await staffContext(context, request);
  const view = await orRefuse(agreementsForCase(ctx, params.caseId));
  return { view };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  assertSameOrigin(context, request);
  const { ctx, viewer } = await staffContext(context, request);
  const form = await request.formData();
  if (form.get("intent") !== "create")
    return data(
      { errors: { form: "builder:errors.intent" }, kept: kept(form, LISTS) },
      { status: 400 },
    );
  const parsed = parseWith(createAgreementSchema, form, LISTS);
  if (!parsed.ok) return data({ errors: parsed.errors, kept: kept(form, LISTS) }, { status: 400 });
  const lng = languageFor(request, viewer, staffLanguageCodes);
  const { agreementId } = await orRefuse(
    createAgreement(ctx, params.caseId, {
      ...parsed.data,
      changeNeeded: prefillFor(lng, parsed.data.factorIds),
    }),
  );
  throw redirect(`/cases/${params.caseId}/agreements/${agreementId}?saved=created`);
}

export default function Agreements({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation("builder");
  const { view } = loaderData;
  const heading = t("list.heading", { child: view.childName });
  return (
    <>
      <PageTitle
        page={t("list.title", { reference: view.reference })}
        app={t("common:practitioner.name")}
      />
      <h1>{heading}</h1>
      <CaseNav caseId={view.caseId} reference={view.reference} />
      <p>{t("list.intro")}</p>
      {view.agreements.length === 0 ? (
        <p>{t("list.none")}</p>
      ) : (
        <table className="hw-table">
          <caption>{t("list.caption", { count: view.agreements.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("list.agreement")}</th>
              <th scope="col">{t("list.status")}</th>
              <th scope="col">{t("list.version")}</th>
              <th scope="col">{t("list.confirmed")}</th>
            </tr>
          </thead>
          <tbody>
            {view.agreements.map((a) => (
              <tr key={a.agreementId}>
                <th scope="row">
                  <Link to={`/cases/${view.caseId}/agreements/${a.agreementId}`}>{a.title}</Link>
                </th>
                <td>
                  {t(`status.${a.status}`)}
                  {a.publishedAt ? (
                    <>
                      <br />
                      {t("builder.publishedOn", {
                        date: londonDay(a.publishedAt, i18n.language),
                      })}
                    </>
                  ) : null}
                </td>
                <td>{a.version}</td>
                <td>
                  {a.status === "draft"
                    ? "-"
                    : t("list.confirmedCount", {
                        count: a.acknowledgedCurrent,
                        total: a.parties,
                      })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {view.canCreate ? <CreateAgreement view={view} answer={actionData} /> : null}
    </>
  );
}

function CreateAgreement({
  view,
  answer,
}: {
  view: CaseAgreementsView;
  answer: { errors: Record<string, string>; kept: Kept } | undefined;
}) {
  const { t } = useTranslation("builder");
  const errors = translateErrors(t, answer?.errors);
  const values = answer?.kept.values ?? {};
  const lists = answer?.kept.lists ?? {};
  return (
    <section aria-labelledby="create-title">
      <h2 id="create-title">{t("create.heading")}</h2>
      <ErrorSummary title={t("auth:errors.summaryTitle")} errors={errors} />
      <Form method="post" noValidate aria-labelledby="create-title">
        <FormErrors errors={errors}>
          <input type="hidden" name="intent" value="create" />
          <TextField
            label={t("create.titleLabel")}
            description={t("create.titleHelp")}
            name="title"
            defaultValue={values.title ?? ""}
          />
          <CheckboxGroup
            label={t("create.partiesLabel")}
            description={t("create.partiesHelp")}
            name="partyMemberIds"
            defaultValue={lists.partyMemberIds ?? []}
            options={view.familyMembers.map((m) => ({
              value: m.memberId,
              label: `${m.name} (${t(`roles.${m.role}`)})`,
            }))}
          />
          {view.identifiedFactors.length > 0 ? (
            <CheckboxGroup
              label={t("create.factorsLabel")}
              description={t("create.factorsHelp")}
              name="factorIds"
              defaultValue={lists.factorIds ?? view.identifiedFactors}
              options={view.identifiedFactors.map((id) => ({
                value: id,
                label: t(`rules:factors.${id}`),
              }))}
            />
          ) : (
            <p>
              {t("create.noFactors")}{" "}
              <Link to={`/cases/${view.caseId}/factors`}>{t("create.factorsLink")}</Link>
            </p>
          )}
          <Button>{t("create.submit")}</Button>
        </FormErrors>
      </Form>
    </section>
  );
}
