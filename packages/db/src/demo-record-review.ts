// Demo data for records shared for review (issue 7, practitioner side; issue 8): a name the
// share check must keep from Leah. Fictional, like the rest of the demo.
import type { Database } from "./client.ts";
import { confidentialName } from "./schema/confidential-names.ts";

export const demoConfidentialNames = {
  /** Daniel's new partner: Leah must not learn her name from the record. */
  miaDanielsPartner: {
    id: "confidential-name-mia-1",
    caseId: "case-mia",
    name: "Chloe Brennan",
    description: "Daniel's partner",
    hiddenFromPersonIds: ["person-mia-leah"],
  },
} as const;

export async function seedDemoRecordReview(db: Pick<Database, "insert">): Promise<void> {
  await db.insert(confidentialName).values(
    Object.values(demoConfidentialNames).map((row) => ({
      ...row,
      hiddenFromPersonIds: [...row.hiddenFromPersonIds],
    })),
  );
}
