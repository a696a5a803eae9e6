// The traffic light in one easy-read line: the colour's name and the level in words beside
// the picture, so colour is never the only way it is told (WCAG 1.4.1).
import { Glossed, useTranslation } from "@homeward/i18n/react";
import type { RiskLevel } from "@homeward/rules";
import { EasyLine } from "@homeward/ui";

export function TrafficLightLine({ level }: { level: RiskLevel }) {
  const { t } = useTranslation("easyread");
  return (
    <EasyLine name="light" level={level}>
      <strong>
        <Glossed
          text={t("light", {
            colour: t(`colours.${level}`),
            level: t(`rules:riskLevels.${level}`),
          })}
        />
      </strong>
    </EasyLine>
  );
}
