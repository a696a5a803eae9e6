import { Glossed, useTranslation } from "@homeward/i18n/react";
import { requireViewer, services, requestMemo } from "@homeward/runtime";
import { entriesSharedWithMe } from "@homeward/services/record-entries";
import { PageTitle } from "@homeward/ui";
import { Link } from "react-router";
import { formatDate } from "../../lib/dates.ts";
import type { Route } from "./+types/index";

export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = await requireViewer(context, request);
  const { db } = services(context);
  const entries = await entriesSharedWithMe({
    db,
    userId: viewer.userId,
    kind: viewer.kind,
    app: "portal",
    now: services(context).clock(),
    memo: requestMemo(context, request),
  });
  return {
    toCheck: entries.filter((e) => e.status === "shared_for_review"),
    finalised: entries.filter((e) => e.status === "finalised"),
  };
}

export default function Records({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation("records");
  return (
    <>
      <PageTitle page={t("list.title")} app={t("common:portal.name")} />
      <h1>{t("list.title")}</h1>
      <p>
        <Glossed text={t("list.intro")} />
      </p>
      <h2>
        <Glossed text={t("list.toCheck")} />
      </h2>
      {loaderData.toCheck.length === 0 ? (
        <p>
          <Glossed text={t("list.nothingToCheck")} />
        </p>
      ) : (
        <ul className="hw-list">
          {loaderData.toCheck.map((entry) => (
            <li key={entry.entryId} className="hw-card">
              <Link to={`/records/${entry.entryId}`}>{entry.title}</Link>
              <div>
                <Glossed text={t(`kind.${entry.kind}`)} />
              </div>
              {entry.deadline ? (
                <div className="hw-status">
                  <Glossed
                    text={t("list.replyBy", { date: formatDate(entry.deadline, i18n.language) })}
                  />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <h2>
        <Glossed text={t("list.finalised")} />
      </h2>
      {loaderData.finalised.length === 0 ? (
        <p>
          <Glossed text={t("list.nothingFinalised")} />
        </p>
      ) : (
        <ul className="hw-list">
          {loaderData.finalised.map((entry) => (
            <li key={entry.entryId} className="hw-card">
              <Link to={`/records/${entry.entryId}`}>{entry.title}</Link>
              <div>
                <Glossed text={t(`kind.${entry.kind}`)} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
