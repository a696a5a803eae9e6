// Long texts saved as they are typed, for forms that create or change a record in one go
// (a decision, a factor, a classification's rationale...). The text is kept per person, per
// case and per form, and only that person reads it back; the form clears it once saved.
// Records with a draft state of their own (chronology entries, family responses) autosave
// into that record instead.
import type { Action, ResourceType } from "@homeward/auth/policy";
import { formDraft, recordAudit } from "@homeward/db";
import { and, eq, isNull, like, sql } from "drizzle-orm";
import { z } from "zod";
import { authorize, caseFacts } from "./access.ts";
import type { ServiceContext } from "./context.ts";

/**
 * Which forms may keep drafts, by the first part of their key, and what the person must be
 * allowed to do for the draft to be kept: nobody stores text for a form they cannot submit.
 */
export const draftPurposes = {
  decision: { action: "create", type: "decision" },
  factor: { action: "update", type: "factor_assessment" },
  capacity: { action: "create", type: "factor_assessment" },
  classification: { action: "create", type: "risk_classification" },
  agreement: { action: "update", type: "agreement" },
  plan: { action: "update", type: "plan" },
  entry: { action: "update", type: "record_entry" },
} as const satisfies Record<string, { action: Action; type: ResourceType }>;
export type DraftPurpose = keyof typeof draftPurposes;

/** The longest text a draft field keeps; longer than any field a form accepts. */
export const draftFieldMax = 50_000;

export const draftSaveSchema = z.object({
  formKey: z
    .string()
    .max(200)
    .regex(/^[a-z]+(:[\w-]+)*$/),
  field: z
    .string()
    .min(1)
    .max(60)
    .regex(/^[A-Za-z][\w.-]*$/),
  text: z.string().max(draftFieldMax),
  base: z.string().max(60).optional(),
});
export type DraftSave = z.infer<typeof draftSaveSchema>;

export function purposeOf(formKey: string): DraftPurpose | null {
  const prefix = formKey.split(":")[0] ?? "";
  return Object.hasOwn(draftPurposes, prefix) ? (prefix as DraftPurpose) : null;
}

async function authorizeDraft(ctx: ServiceContext, caseId: string, formKey: string) {
  const purpose = purposeOf(formKey);
  const kase = await caseFacts(ctx, caseId);
  // An unknown form is asked about as an audit-log write: the policy refuses it to everyone.
  const { action, type } = purpose
    ? draftPurposes[purpose]
    : { action: "update" as const, type: "audit_log" as const };
  await authorize(ctx, action, { type, ...kase });
}

/** Keeps one field of a form's draft; the other fields typed so far stay as they are. */
export async function saveFormDraft(
  ctx: ServiceContext,
  caseId: string,
  input: DraftSave,
): Promise<{ savedAt: string; kept: boolean }> {
  await authorizeDraft(ctx, caseId, input.formKey);
  const base = input.base ?? "";
  // One statement, so a save racing the form's own save cannot slip between a read and a
  // write: the field is merged in SQL, and nothing changes when the form was already saved
  // on this base (an autosave that was still on its way).
  const written = await ctx.db
    .insert(formDraft)
    .values({
      userId: ctx.userId,
      caseId,
      formKey: input.formKey,
      fields: { [input.field]: input.text },
      base,
      updatedAt: ctx.now,
    })
    .onConflictDoUpdate({
      target: [formDraft.userId, formDraft.caseId, formDraft.formKey],
      set: {
        fields: sql`(case when ${formDraft.submittedBase} is null then ${formDraft.fields} else '{}'::jsonb end) || jsonb_build_object(${input.field}::text, ${input.text}::text)`,
        base,
        submittedBase: null,
        updatedAt: ctx.now,
      },
      setWhere: sql`${formDraft.submittedBase} is distinct from ${base}`,
    })
    .returning({ formKey: formDraft.formKey });
  if (written.length === 0) return { savedAt: ctx.now.toISOString(), kept: false };
  await recordAudit(ctx.db, {
    actorUserId: ctx.userId,
    app: ctx.app,
    action: "update",
    resourceType: "form_draft",
    resourceId: input.formKey,
    caseId,
    outcome: "allowed",
    detail: { field: input.field, length: input.text.length },
  });
  return { savedAt: ctx.now.toISOString(), kept: true };
}

export interface FormDraftView {
  formKey: string;
  fields: Record<string, string>;
  base: string | null;
  updatedAt: string;
}

/**
 * This person's drafts on a case whose keys start with `prefix` (a page asks for its own
 * forms). Reading needs the same permission as saving: access that has ended takes the
 * drafts out of reach too.
 */
export async function formDraftsFor(
  ctx: ServiceContext,
  caseId: string,
  prefix: string,
): Promise<Map<string, FormDraftView>> {
  const rows = await ctx.db
    .select()
    .from(formDraft)
    .where(
      and(
        eq(formDraft.userId, ctx.userId),
        eq(formDraft.caseId, caseId),
        isNull(formDraft.submittedBase),
        like(formDraft.formKey, `${prefix.replaceAll(/[%_\\]/g, "\\$&")}%`),
      ),
    );
  const drafts = new Map<string, FormDraftView>();
  for (const row of rows) {
    try {
      await authorizeDraft(ctx, caseId, row.formKey);
    } catch {
      continue;
    }
    drafts.set(row.formKey, {
      formKey: row.formKey,
      fields: row.fields,
      base: row.base,
      updatedAt: row.updatedAt.toISOString(),
    });
  }
  return drafts;
}

/**
 * The form was saved on `base` (the hidden `draftBase` field DraftTextArea adds): its draft
 * has done its job. The text goes; the row stays as a marker, so that an autosave sent just
 * before the save, arriving after it, cannot bring the text back.
 */
export async function clearFormDraft(
  ctx: ServiceContext,
  caseId: string,
  formKey: string,
  base: string | null,
): Promise<void> {
  // An upsert: the form may be saved before any autosave reached us, and one may yet arrive.
  const submittedBase = base ?? "";
  await ctx.db
    .insert(formDraft)
    .values({ userId: ctx.userId, caseId, formKey, fields: {}, submittedBase, updatedAt: ctx.now })
    .onConflictDoUpdate({
      target: [formDraft.userId, formDraft.caseId, formDraft.formKey],
      set: { fields: {}, submittedBase, updatedAt: ctx.now },
    });
}

/** The `draftBase` a form posted (see DraftTextArea), for clearFormDraft. */
export function submittedDraftBase(form: FormData): string | null {
  const value = form.get("draftBase");
  return typeof value === "string" && value.length <= 60 ? value : null;
}
