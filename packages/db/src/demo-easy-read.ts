// Demo data for easy read (issue 8): a record shared with Kerry that she can still answer,
// so her easy-read entry page shows its form, not only finished records. Kerry reads easy
// read and has an advocate, so she gets the longer window (four weeks, as on her other
// records). Fictional, like the rest of the demo.
import type { Database } from "./client.ts";
import { recordEntry, recordEntryShare, recordEntryVersion } from "./schema/record-entries.ts";

export const demoEasyReadEntry = {
  id: "entry-tyler-easy-1",
  caseId: "case-tyler",
  memberId: "case-tyler-ldParent",
  title: "Contact at the family centre, 14 November 2026",
  body: "Kerry came to the family centre on Saturday 14 November at 10 o'clock. She brought a football and Tyler's favourite snack. Tyler and Kerry played football together and laughed a lot. Kerry was 20 minutes late, and Tyler was worried she was not coming. At the end Tyler hugged his mum and said goodbye without crying.",
  sharedAt: "2026-11-20T10:00:00Z",
  deadline: "2026-12-18",
} as const;

export async function seedDemoEasyRead(
  db: Pick<Database, "insert">,
  socialWorkerUserId: string,
): Promise<void> {
  const entry = demoEasyReadEntry;
  await db.insert(recordEntry).values({
    id: entry.id,
    caseId: entry.caseId,
    kind: "case_note",
    title: entry.title,
    status: "shared_for_review",
    eventDate: "2026-11-14",
    reviewDeadline: entry.deadline,
    authorUserId: socialWorkerUserId,
    sharedAt: new Date(entry.sharedAt),
    sharedBy: socialWorkerUserId,
  });
  await db.insert(recordEntryVersion).values({
    id: `${entry.id}-v1`,
    entryId: entry.id,
    versionNumber: 1,
    body: entry.body,
    createdBy: socialWorkerUserId,
  });
  await db.insert(recordEntryShare).values({
    entryId: entry.id,
    memberId: entry.memberId,
    sharedAt: new Date(entry.sharedAt),
    deadline: entry.deadline,
  });
}
