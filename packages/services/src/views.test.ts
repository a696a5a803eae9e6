import { auditEvent, demoIds, viewsAndWishes } from "@homeward/db";
import { databaseUnderTest } from "@homeward/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDenied, NotFound, StaleWrite } from "./context.ts";
import { type SeededDatabase, seededDatabase } from "./testing.ts";
import { changeWishesSharing, myViews, saveViews, sharingSchema, viewsSchema } from "./views.ts";

const { cases, wishes, members, meetings } = demoIds;

describe(`views and wishes for families on ${databaseUnderTest}`, () => {
  let seeded: SeededDatabase;
  beforeAll(async () => {
    seeded = await seededDatabase();
  });
  afterAll(() => seeded.handle.dispose());

  const caseOf = async (account: Parameters<SeededDatabase["as"]>[0], caseId: string) => {
    const all = await myViews(seeded.as(account));
    const found = all.find((c) => c.caseId === caseId);
    if (!found) throw new Error(`${account} has no views on ${caseId}`);
    return found;
  };

  it("shows Yasmin her private wishes with the reply, and the wishes she shared", async () => {
    const yasmin = await caseOf("youngPerson", cases.yasmin);
    expect(yasmin.voice).toBe("young_person_wishes");
    expect(yasmin.canWrite).toBe(true);
    const ids = yasmin.records.map((r) => r.id);
    expect(ids).toContain(wishes.yasminPrivate);
    expect(ids).toContain(wishes.yasminShared);
    const privateOne = yasmin.records.find((r) => r.id === wishes.yasminPrivate);
    expect(privateOne?.sharing).toBe("social_worker_only");
    expect(privateOne?.reply?.text).toMatch(/I won't share this with your mum/);
    expect(privateOne?.reply?.by).toBe("Sarah Okafor");
    expect(privateOne?.meeting?.id).toBe(meetings.yasminReview);
    // Her mother's views are not hers to read.
    expect(ids).not.toContain(wishes.amiraViews);
    expect(yasmin.sharedWithMe).toEqual([]);
  });

  it("shows Amira the wishes Yasmin shared, never the private ones or their reply", async () => {
    const amira = await caseOf("arabicParent", cases.yasmin);
    expect(amira.voice).toBe("parent_views");
    expect(amira.sharedWithMe.map((r) => r.id)).toEqual([wishes.yasminShared]);
    expect(amira.sharedWithMe[0]?.authorFirstName).toBe("Yasmin");
    const json = JSON.stringify(amira);
    expect(json).not.toContain(wishes.yasminPrivate);
    expect(json).not.toMatch(/look after everything again/);
    expect(json).not.toMatch(/I won't share this/);
    // Her own views, written with her interpreter beside her, are hers.
    const own = amira.records.find((r) => r.id === wishes.amiraViews);
    expect(own).toMatchObject({ status: "draft", writtenOnBehalf: false, sharing: null });
  });

  it("lets the interpreter read Amira's views but never write them", async () => {
    const yusuf = await caseOf("interpreter", cases.yasmin);
    expect(yusuf.canWrite).toBe(false);
    expect(yusuf.actingFor).toBe("Amira Haddad");
    expect(yusuf.sharedWithMe.map((r) => r.id)).toEqual([wishes.yasminShared]);
    await expect(
      saveViews(
        seeded.as("interpreter"),
        cases.yasmin,
        viewsSchema.parse({ intent: "send", goingWell: "Written by the interpreter" }),
      ),
    ).rejects.toBeInstanceOf(AccessDenied);
    await expect(
      saveViews(
        seeded.as("interpreter"),
        cases.yasmin,
        viewsSchema.parse({
          intent: "save_draft",
          recordId: wishes.amiraViews,
          version: "1",
          goingWell: "Changed by the interpreter",
        }),
      ),
    ).rejects.toBeInstanceOf(AccessDenied);
    const denials = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.actorUserId, seeded.users.interpreter),
          eq(auditEvent.resourceType, "views_and_wishes"),
          eq(auditEvent.outcome, "denied"),
        ),
      );
    expect(denials.map((d) => (d.detail as { reason: string }).reason)).toEqual([
      "INTERPRETERS_CANNOT",
      "INTERPRETERS_CANNOT",
    ]);
  });

  it("shows Leah nothing of Yasmin's case, and refuses her writing there", async () => {
    const leah = await myViews(seeded.as("parent"));
    expect(leah.map((c) => c.caseId)).toEqual([cases.mia]);
    expect(JSON.stringify(leah)).not.toMatch(/yasmin/i);
    await expect(
      saveViews(
        seeded.as("parent"),
        cases.yasmin,
        viewsSchema.parse({ intent: "send", worries: "x" }),
      ),
    ).rejects.toBeInstanceOf(AccessDenied);
    await expect(
      changeWishesSharing(
        seeded.as("parent"),
        cases.yasmin,
        sharingSchema.parse({
          recordId: wishes.yasminPrivate,
          version: "1",
          sharing: "shared_with_parents",
        }),
      ),
    ).rejects.toBeInstanceOf(AccessDenied);
  });

  it("keeps a parent's views from the other parent", async () => {
    const saved = await saveViews(
      seeded.as("parent"),
      cases.mia,
      viewsSchema.parse({
        intent: "send",
        meetingId: meetings.miaPlanning,
        goingWell: "I have been to every contact session.",
        wants: "Mia home by the summer.",
        // A parent's views go to the social worker: a posted "share" is ignored.
        sharing: "shared_with_parents",
      }),
    );
    const leah = await caseOf("parent", cases.mia);
    expect(leah.voice).toBe("parent_views");
    expect(leah.meetings.map((m) => m.id)).toEqual([meetings.miaPlanning]);
    expect(leah.records.find((r) => r.id === saved.id)).toMatchObject({
      status: "submitted",
      sharing: null,
      reply: null,
      meeting: { id: meetings.miaPlanning, type: "planning" },
    });
    const [row] = await seeded.handle.db
      .select()
      .from(viewsAndWishes)
      .where(eq(viewsAndWishes.id, saved.id));
    expect(row).toMatchObject({ kind: "parent_views", sharing: "social_worker_only" });
    const daniel = await caseOf("secondParent", cases.mia);
    expect(JSON.stringify(daniel)).not.toContain(saved.id);
    expect(JSON.stringify(daniel)).not.toMatch(/every contact session/);
  });

  it("saves a young person's private draft, then sends it, with an audit row each time", async () => {
    const draft = await saveViews(
      seeded.as("youngPerson"),
      cases.yasmin,
      viewsSchema.parse({
        intent: "save_draft",
        worries: "I am scared about changing school.",
        sharing: "social_worker_only",
      }),
    );
    expect(draft).toMatchObject({ status: "draft", version: 1 });
    // A draft is private to its author, even from the social worker.
    const amira = await caseOf("arabicParent", cases.yasmin);
    expect(JSON.stringify(amira)).not.toContain(draft.id);

    const sent = await saveViews(
      seeded.as("youngPerson"),
      cases.yasmin,
      viewsSchema.parse({
        intent: "send",
        recordId: draft.id,
        version: "1",
        worries: "I am scared about changing school.",
        trustedPerson: "Mrs Akhtar",
        meetingId: meetings.yasminReview,
      }),
    );
    expect(sent).toEqual({ id: draft.id, status: "submitted", version: 2 });
    const [row] = await seeded.handle.db
      .select()
      .from(viewsAndWishes)
      .where(eq(viewsAndWishes.id, draft.id));
    expect(row).toMatchObject({
      status: "submitted",
      sharing: "social_worker_only",
      trustedPerson: "Mrs Akhtar",
      authorMemberId: members.yasminYoungPerson,
      onBehalfOfMemberId: null,
    });
    expect(row?.submittedAt).toBeInstanceOf(Date);
    const audit = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.resourceId, draft.id));
    expect(audit.map((a) => a.action).sort()).toEqual(["save_draft", "submit"]);
    expect(audit.every((a) => a.actorUserId === seeded.users.youngPerson)).toBe(true);
    // And reading the page is audited too.
    const reads = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.resourceType, "views_and_wishes_list"),
          eq(auditEvent.actorUserId, seeded.users.arabicParent),
        ),
      );
    expect(reads.length).toBeGreaterThan(0);
  });

  it("lets Yasmin share wishes with her mum, and take them back", async () => {
    const sent = await saveViews(
      seeded.as("youngPerson"),
      cases.yasmin,
      viewsSchema.parse({ intent: "send", wants: "Sleepovers at home on Fridays." }),
    );
    const amiraSees = async () =>
      (await caseOf("arabicParent", cases.yasmin)).sharedWithMe.map((r) => r.id);
    expect(await amiraSees()).not.toContain(sent.id);
    const shared = await changeWishesSharing(
      seeded.as("youngPerson"),
      cases.yasmin,
      sharingSchema.parse({ recordId: sent.id, version: "1", sharing: "shared_with_parents" }),
    );
    expect(await amiraSees()).toContain(sent.id);
    await changeWishesSharing(
      seeded.as("youngPerson"),
      cases.yasmin,
      sharingSchema.parse({
        recordId: sent.id,
        version: String(shared.version),
        sharing: "social_worker_only",
      }),
    );
    expect(await amiraSees()).not.toContain(sent.id);
    const audit = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.resourceId, sent.id), eq(auditEvent.action, "change_sharing")));
    expect(audit).toHaveLength(2);
  });

  it("never overwrites a draft saved elsewhere in the meantime", async () => {
    const draft = await saveViews(
      seeded.as("youngPerson"),
      cases.yasmin,
      viewsSchema.parse({ intent: "save_draft", goingWell: "first" }),
    );
    await saveViews(
      seeded.as("youngPerson"),
      cases.yasmin,
      viewsSchema.parse({
        intent: "save_draft",
        recordId: draft.id,
        version: "1",
        goingWell: "second tab",
      }),
    );
    await expect(
      saveViews(
        seeded.as("youngPerson"),
        cases.yasmin,
        viewsSchema.parse({
          intent: "send",
          recordId: draft.id,
          version: "1",
          goingWell: "stale tab",
        }),
      ),
    ).rejects.toBeInstanceOf(StaleWrite);
    const [row] = await seeded.handle.db
      .select()
      .from(viewsAndWishes)
      .where(eq(viewsAndWishes.id, draft.id));
    expect(row).toMatchObject({ goingWell: "second tab", status: "draft", version: 2 });
    // Sent wishes are not edited as a draft, whatever version is posted.
    await expect(
      saveViews(
        seeded.as("youngPerson"),
        cases.yasmin,
        viewsSchema.parse({
          intent: "save_draft",
          recordId: wishes.yasminPrivate,
          version: "1",
          goingWell: "rewritten",
        }),
      ),
    ).rejects.toBeInstanceOf(StaleWrite);
  });

  it("lets Kerry's advocate write views for her, attributed to both", async () => {
    const ruth = await caseOf("advocate", cases.tyler);
    expect(ruth).toMatchObject({
      canWrite: true,
      voice: "parent_views",
      actingFor: "Kerry Brooks",
    });
    const saved = await saveViews(
      seeded.as("advocate"),
      cases.tyler,
      viewsSchema.parse({
        intent: "send",
        goingWell: "Kerry has been to every Saturday contact.",
        wants: "Kerry wants to keep the Wednesday video calls.",
      }),
    );
    const [row] = await seeded.handle.db
      .select()
      .from(viewsAndWishes)
      .where(eq(viewsAndWishes.id, saved.id));
    expect(row).toMatchObject({
      authorMemberId: members.tylerAdvocate,
      onBehalfOfMemberId: members.tylerKerry,
      kind: "parent_views",
    });
    const [audit] = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.resourceId, saved.id), eq(auditEvent.action, "submit")));
    expect(audit).toMatchObject({
      actorUserId: seeded.users.advocate,
      onBehalfOfUserId: seeded.users.ldParent,
    });
    const kerry = await caseOf("ldParent", cases.tyler);
    expect(kerry.records.find((r) => r.id === saved.id)?.writtenOnBehalf).toBe(true);
  });

  it("refuses a meeting from another case", async () => {
    await expect(
      saveViews(
        seeded.as("youngPerson"),
        cases.yasmin,
        viewsSchema.parse({ intent: "send", wants: "x", meetingId: meetings.miaPlanning }),
      ),
    ).rejects.toBeInstanceOf(NotFound);
  });

  it("refuses empty views, with translatable messages", () => {
    const empty = viewsSchema.safeParse({ intent: "send", goingWell: "  ", sharing: "" });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues.map((i) => i.message)).toEqual(["wishes:errors.empty"]);
    const badSharing = viewsSchema.safeParse({ intent: "send", wants: "x", sharing: "everyone" });
    expect(badSharing.error?.issues.map((i) => i.message)).toEqual(["wishes:errors.sharing"]);
    const tooLong = viewsSchema.safeParse({ intent: "send", wants: "x".repeat(5001) });
    expect(tooLong.error?.issues.map((i) => i.message)).toEqual(["wishes:errors.tooLong"]);
    const noIntent = viewsSchema.safeParse({ wants: "x" });
    expect(noIntent.error?.issues.map((i) => i.message)).toEqual(["wishes:errors.intent"]);
    const noMeeting = viewsSchema.parse({ intent: "save_draft", wants: "x", meetingId: "none" });
    expect([noMeeting.meetingId, noMeeting.recordId, noMeeting.version]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});
