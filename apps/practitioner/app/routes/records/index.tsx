// The case's record entries (issue 7, practitioner side): drafts, entries out for review and
// final ones; the family's responses waiting for a reply; and correction requests with their
// one-month answer date, overdue ones first to the eye.
import { useTranslation } from "@homeward/i18n/react";
import {
  type CorrectionItem,
  caseRecordsFor,
  type RecordListItem,
  type WaitingResponse,
} from "@homeward/services/record-review";
import { PageTitle } from "@homeward/ui";
import { Link } from "react-router";
import { CaseNav } from "../../components/case-nav.tsx";
import { orRefuse, staffContext } from "../../lib/service-context.server.ts";
import { calendarDay } from "../assessment/dates.ts";
import type { Route } from "./+types/index";
import { whoWrote } from "./who-wrote.ts";

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { ctx } = await staffContext(context, request);
  return { view: await orRefuse(caseRecordsFor(ctx, params.caseId)) };
}

export default function Records({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("review");
  const { view } = loaderData;
  const heading = t("list.title", { child: view.childName });
  const open = view.corrections.filter((c) => c.status === "open");
  return (
    <>
      <PageTitle page={heading} app={t("common:practitioner.name")} />
      <h1>{heading}</h1>
      <CaseNav caseId={view.caseId} reference={view.reference} />
      <p>{t("list.intro")}</p>
      {view.canCreate ? (
        <p>
          <Link className="hw-button" to={`/cases/${view.caseId}/records/new`}>
            {t("list.new")}
          </Link>
        </p>
      ) : null}

      <section aria-labelledby="corrections-title">
        <h2 id="corrections-title">{t("list.corrections.title", { number: open.length })}</h2>
        <p>{t("list.corrections.intro")}</p>
        {open.length === 0 ? (
          <p>{t("list.corrections.none")}</p>
        ) : (
          <Corrections caseId={view.caseId} items={open} />
        )}
      </section>

      <section aria-labelledby="waiting-title">
        <h2 id="waiting-title">{t("list.waiting.title", { number: view.waiting.length })}</h2>
        {view.waiting.length === 0 ? (
          <p>{t("list.waiting.none")}</p>
        ) : (
          <Waiting caseId={view.caseId} items={view.waiting} />
        )}
      </section>

      <EntryTable
        id="drafts"
        title={t("list.drafts", { number: view.drafts.length })}
        caseId={view.caseId}
        items={view.drafts}
      />
      <EntryTable
        id="shared"
        title={t("list.shared", { number: view.shared.length })}
        caseId={view.caseId}
        items={view.shared}
      />
      <EntryTable
        id="finalised"
        title={t("list.finalised", { number: view.finalised.length })}
        caseId={view.caseId}
        items={view.finalised}
      />
    </>
  );
}

function Corrections({ caseId, items }: { caseId: string; items: CorrectionItem[] }) {
  const { t, i18n } = useTranslation("review");
  return (
    <ul className="hw-list">
      {items.map((c) => (
        <li key={c.responseId} className={c.clock.overdue ? "hw-error-summary" : undefined}>
          <Link to={`/cases/${caseId}/records/${c.entryId}#response-${c.responseId}`}>
            {c.entryTitle}
          </Link>
          {" - "}
          {t("list.corrections.from", {
            name: whoWrote(t, c),
            date: calendarDay(c.receivedOn, i18n.language),
          })}{" "}
          <strong>
            {c.clock.overdue
              ? t("list.corrections.overdue", {
                  date: calendarDay(c.clock.answerBy, i18n.language),
                })
              : t("list.corrections.answerBy", {
                  date: calendarDay(c.clock.answerBy, i18n.language),
                  days: c.clock.daysLeft ?? 0,
                })}
          </strong>
        </li>
      ))}
    </ul>
  );
}

function Waiting({ caseId, items }: { caseId: string; items: WaitingResponse[] }) {
  const { t, i18n } = useTranslation("review");
  return (
    <ul className="hw-list">
      {items.map((w) => (
        <li key={w.responseId}>
          <Link to={`/cases/${caseId}/records/${w.entryId}#response-${w.responseId}`}>
            {w.entryTitle}
          </Link>
          {" - "}
          {t(`responseKind.${w.kind}`)}
          {", "}
          {t("list.corrections.from", {
            name: whoWrote(t, w),
            date: calendarDay(w.receivedOn, i18n.language),
          })}
        </li>
      ))}
    </ul>
  );
}

function EntryTable({
  id,
  title,
  caseId,
  items,
}: {
  id: string;
  title: string;
  caseId: string;
  items: RecordListItem[];
}) {
  const { t, i18n } = useTranslation("review");
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {items.length === 0 ? (
        <p>{t("list.empty")}</p>
      ) : (
        <div className="hw-table-wrap">
          <table className="hw-table">
            <thead>
              <tr>
                <th scope="col">{t("list.columns.title")}</th>
                <th scope="col">{t("list.columns.kind")}</th>
                <th scope="col">{t("list.columns.sharedWith")}</th>
                <th scope="col">{t("list.columns.replyBy")}</th>
                <th scope="col">{t("list.columns.waiting")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => (
                <tr key={entry.entryId}>
                  <td>
                    <Link to={`/cases/${caseId}/records/${entry.entryId}`}>{entry.title}</Link>
                    {entry.notForFamily ? (
                      <>
                        {" "}
                        <span className="hw-status">{t("notForFamily.badge")}</span>
                      </>
                    ) : null}
                  </td>
                  <td>{t(`kinds.${entry.kind}`)}</td>
                  <td>
                    {entry.sharedWith.length > 0 ? entry.sharedWith.join(", ") : t("list.nobody")}
                  </td>
                  <td>{entry.deadline ? calendarDay(entry.deadline, i18n.language) : "-"}</td>
                  <td>{entry.waitingForReply}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
