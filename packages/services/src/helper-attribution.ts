// Who wrote a response for someone else (issue 8): "written by Yusuf (interpreter) for Amira".
// A helper's words are never passed off as the person's own, so each is attributed by name.
import { caseMember, user } from "@homeward/db";
import { eq, inArray } from "drizzle-orm";
import type { ServiceContext } from "./context.ts";

export interface HelperAttribution {
  helperName: string;
  role: "advocate" | "interpreter";
  personName: string;
}

/** For each written-on-behalf item: the helper's name and role, and the person's name. */
export async function helperAttributions(
  ctx: ServiceContext,
  items: readonly { id: string; authorMemberId: string; onBehalfOfMemberId: string | null }[],
): Promise<Map<string, HelperAttribution>> {
  const onBehalf = items.filter((i) => i.onBehalfOfMemberId !== null);
  const result = new Map<string, HelperAttribution>();
  if (onBehalf.length === 0) return result;
  const ids = [...new Set(onBehalf.flatMap((i) => [i.authorMemberId, i.onBehalfOfMemberId ?? ""]))];
  const rows = await ctx.db
    .select({ memberId: caseMember.id, role: caseMember.role, name: user.name })
    .from(caseMember)
    .innerJoin(user, eq(user.id, caseMember.userId))
    .where(inArray(caseMember.id, ids));
  const byId = new Map(rows.map((r) => [r.memberId, r]));
  for (const item of onBehalf) {
    const helper = byId.get(item.authorMemberId);
    const person = byId.get(item.onBehalfOfMemberId ?? "");
    if (!helper || !person) continue;
    if (helper.role !== "advocate" && helper.role !== "interpreter") continue;
    result.set(item.id, { helperName: helper.name, role: helper.role, personName: person.name });
  }
  return result;
}
