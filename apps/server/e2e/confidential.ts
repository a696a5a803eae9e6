// The confidential strings of the seeded demo (placement addresses and phones, every
// person's contact details), for asserting that none reaches a family member's browser.
import { personContact, placement } from "@homeward/db";
import type { Host } from "../src/host.ts";

export async function confidentialStrings(host: Host): Promise<string[]> {
  const placements = await host.database.db.select().from(placement);
  const contacts = await host.database.db.select().from(personContact);
  return [
    ...placements.flatMap((p) => [p.address, p.phone ?? ""]),
    ...contacts.flatMap((c) => [c.address ?? "", c.phone ?? ""]),
  ].filter((s) => s.length > 0);
}

/** Which confidential strings appear in a text (a page's HTML or a data response). */
export function leaks(text: string, secrets: readonly string[]): string[] {
  return secrets.filter((secret) => text.includes(secret));
}
