// The invitations to new interpreters not accepted yet (issue 8), on the case's interpreters
// page: to whom, for whom, the language and period, when the link lapses; the allocated
// social worker can withdraw one, and the link stops working at once.
import { useTranslation } from "@homeward/i18n/react";
import type { PendingInterpreterInvitation } from "@homeward/services/interpreter-invitations";
import { Button } from "@homeward/ui";
import { Form } from "react-router";
import { calendarDay } from "../assessment/dates.ts";
import { languageName } from "./assignment-fields.tsx";

export function PendingInvitations({
  invitations,
  canWithdraw,
}: {
  invitations: readonly PendingInterpreterInvitation[];
  canWithdraw: boolean;
}) {
  const { t, i18n } = useTranslation("interpreterInvites");
  const day = (d: string) => calendarDay(d, i18n.language);
  return (
    <section aria-labelledby="pending-title">
      <h2 id="pending-title">{t("pending.heading")}</h2>
      {invitations.length === 0 ? <p>{t("pending.none")}</p> : null}
      {invitations.map((inv) => {
        const id = `invitation-${inv.invitationId}`;
        return (
          <article key={inv.invitationId} className="hw-card" aria-labelledby={id}>
            <h3 id={id}>{t("pending.item", { email: inv.email, person: inv.forName })}</h3>
            <p className="hw-status">
              {inv.expired
                ? t("pending.expired", { date: day(inv.expiresAt) })
                : t("pending.expires", { date: day(inv.expiresAt) })}
            </p>
            <dl className="hw-details">
              <dt>{t("interpreters:assignment.language")}</dt>
              <dd>
                <span lang={inv.language ?? undefined}>{languageName(inv.language)}</span>
              </dd>
              <dt>{t("interpreters:assignment.period")}</dt>
              <dd>
                {t("interpreters:assignment.periodValue", {
                  from: day(inv.fromDay),
                  until: day(inv.lastDay),
                })}
              </dd>
            </dl>
            {canWithdraw ? (
              <Form method="post">
                <input type="hidden" name="intent" value="withdraw_invitation" />
                <input type="hidden" name="invitationId" value={inv.invitationId} />
                <input type="hidden" name="version" value={inv.version} />
                <Button variant="secondary">
                  {t("pending.withdraw")}
                  <span className="hw-visually-hidden">
                    {" "}
                    {t("pending.withdrawHidden", { email: inv.email })}
                  </span>
                </Button>
              </Form>
            ) : null}
          </article>
        );
      })}
    </section>
  );
}
