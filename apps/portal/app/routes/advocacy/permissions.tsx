import { Glossed, useTranslation } from "@homeward/i18n/react";

/** What an advocate may do, in the person's words. */
export function PermissionList({ permissions }: { permissions: readonly string[] }) {
  const { t } = useTranslation("advocacy");
  return (
    <ul>
      {permissions.map((p) => (
        <li key={p}>
          <Glossed text={t(`permissions.${p}`)} />
        </li>
      ))}
    </ul>
  );
}
