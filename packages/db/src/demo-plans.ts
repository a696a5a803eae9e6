// Demo data for plans and monitoring (issue 7, part 3): Tyler's plans where return is not
// possible carry the explanation written for Kerry, in plain words with the positives too
// (framework.md, "Where return is not possible"). Fictional, like the rest of the demo.
import { eq } from "drizzle-orm";
import type { Database } from "./client.ts";
import { plan } from "./schema/plans.ts";

export const demoPlanExplanations = {
  "plan-tyler-permanence":
    "Kerry, you love Tyler and he loves you. You finished the parenting course and you come to every meeting. But the home is still not safe for Tyler, so he will grow up with Carol and Steve. This is not because you did not try. You will still see Tyler, and you will still be his mum.",
  "plan-tyler-contact":
    "You will see Tyler every other Saturday at the family centre, and talk on video every Wednesday. Tyler will see his nan twice a month. We will never stop or change this without telling you and Tyler first.",
} as const;

export async function seedDemoPlans(db: Pick<Database, "update">): Promise<void> {
  for (const [id, familyExplanation] of Object.entries(demoPlanExplanations)) {
    await db.update(plan).set({ familyExplanation }).where(eq(plan.id, id));
  }
}
