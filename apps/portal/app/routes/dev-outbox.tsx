import { useTranslation } from "@homeward/i18n/react";
import { services } from "@homeward/runtime";
import { PageTitle } from "@homeward/ui";
import { data } from "react-router";
import type { Route } from "./+types/dev-outbox";

/** Development only: the mail that would have been sent. Absent (404) in production. */
export async function loader({ context }: Route.LoaderArgs) {
  const svc = services(context);
  if (!svc.developmentPages) throw data(null, { status: 404 });
  const messages = await svc.mailer.outbox(50);
  return {
    messages: messages.map((m) => ({
      id: m.id,
      to: m.to,
      subject: m.subject,
      text: m.text,
      at: m.createdAt.toISOString(),
    })),
  };
}

export default function DevOutbox({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle page={t("outbox.heading")} app={t("portal.name")} />
      <h1>{t("outbox.heading")}</h1>
      <p>{t("outbox.intro")}</p>
      {loaderData.messages.length === 0 ? <p>{t("outbox.empty")}</p> : null}
      {loaderData.messages.map((message) => (
        <article key={message.id} className="hw-notice" data-testid="outbox-message">
          <h2>{message.subject}</h2>
          <p>
            {t("outbox.to")} <span data-testid="outbox-to">{message.to}</span> ·{" "}
            <time dateTime={message.at}>{message.at}</time>
          </p>
          <pre data-testid="outbox-text">{message.text}</pre>
        </article>
      ))}
    </>
  );
}
