// Writing an edit to a record entry, for the record review and the chronology alike. The row
// moves on by its version (optimistic concurrency: the edit is based on what the person read),
// and changed text is added as the next numbered version, so earlier text is never overwritten
// (records are never destroyed: framework.md).
import { recordEntry, recordEntryVersion } from "@homeward/db";
import { and, eq } from "drizzle-orm";
import type { ServiceContext } from "./context.ts";

type Tx = Parameters<Parameters<ServiceContext["db"]["transaction"]>[0]>[0];

type VersionText = Omit<
  typeof recordEntryVersion.$inferInsert,
  "id" | "entryId" | "versionNumber" | "createdBy" | "createdAt"
>;

/** Returns false, having written nothing, when someone saved the entry first. */
export async function writeEntryEdit(
  tx: Tx,
  ctx: ServiceContext,
  edit: {
    entryId: string;
    /** The row version the person started from. */
    version: number;
    /** The entry's version number after the edit (the next one when `text` is given). */
    versionNumber: number;
    /** Other columns of the entry to change with it. */
    set?: Partial<typeof recordEntry.$inferInsert>;
    /** The new version's text, or null when the text did not change. */
    text: VersionText | null;
  },
): Promise<boolean> {
  const updated = await tx
    .update(recordEntry)
    .set({
      ...edit.set,
      currentVersionNumber: edit.versionNumber,
      version: edit.version + 1,
      updatedAt: ctx.now,
    })
    .where(and(eq(recordEntry.id, edit.entryId), eq(recordEntry.version, edit.version)))
    .returning({ id: recordEntry.id });
  if (updated.length === 0) return false;
  if (edit.text) {
    await tx.insert(recordEntryVersion).values({
      id: crypto.randomUUID(),
      entryId: edit.entryId,
      versionNumber: edit.versionNumber,
      ...edit.text,
      createdBy: ctx.userId,
      createdAt: ctx.now,
    });
  }
  return true;
}
