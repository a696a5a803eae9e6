// Demo data for the case's confidential details page (issue 8): a name on Yasmin's case that
// her mother must not learn from the record. Fictional, like the rest of the demo. Mia's
// case has its own name in demo-record-review.ts.
import type { Database } from "./client.ts";
import { confidentialName } from "./schema/confidential-names.ts";

export const demoConfidentialDetails = {
  /** The foster carer's partner, who lives at the placement: never named to Amira. */
  yasminCarersPartner: {
    id: "confidential-name-yasmin-1",
    caseId: "case-yasmin",
    name: "Owen Reid",
    description: "Foster carer's partner",
    hiddenFromPersonIds: ["person-yasmin-amira"],
  },
} as const;

export async function seedDemoConfidentialDetails(db: Pick<Database, "insert">): Promise<void> {
  await db.insert(confidentialName).values(
    Object.values(demoConfidentialDetails).map((row) => ({
      ...row,
      hiddenFromPersonIds: [...row.hiddenFromPersonIds],
    })),
  );
}
