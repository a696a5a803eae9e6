import {
  auditEvent,
  confidentialDetailHistory,
  confidentialName,
  demoConfidentialNames,
  demoIds,
  personContact,
} from "@homeward/db";
import { databaseUnderTest } from "@homeward/db/testing";
import { createMailer } from "@homeward/mail";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addConfidentialName,
  ConfidentialDetailsRefusal,
  confidentialDetailsFor,
  contactForEditing,
  contactSchema,
  earlierVersionsOf,
  nameForEditing,
  nameSchema,
  retireConfidentialName,
  saveContact,
  updateConfidentialName,
} from "./confidential-details.ts";
import { AccessDenied, StaleWrite } from "./context.ts";
import { createEntry, recordEntrySchema, shareEntry } from "./record-review.ts";
import { type SeededDatabase, seededDatabase } from "./testing.ts";

const { cases, people, contacts, members } = demoIds;
const DANIELS_NEW_ADDRESS = "3 Heron Close, Southwick SW9 4QP";

describe(`confidential details on a case, practitioner side, on ${databaseUnderTest}`, () => {
  let seeded: SeededDatabase;
  // A day after the demo was seeded: every demo membership is active.
  const now = new Date(Date.now() + 24 * 60 * 60 * 1000);
  const as = (account: Parameters<SeededDatabase["as"]>[0]) => seeded.as(account, { now });
  const deps = () => ({
    db: seeded.handle.db,
    mailer: createMailer(seeded.handle.db, { kind: "outbox" }),
    portalOrigin: "https://portal.example",
  });
  beforeAll(async () => {
    seeded = await seededDatabase();
  });
  afterAll(() => seeded.handle.dispose());

  const auditFor = (resourceType: string, outcome: "allowed" | "denied") =>
    seeded.handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.resourceType, resourceType), eq(auditEvent.outcome, outcome)));
  const contactRow = async (id: string) =>
    (await seeded.handle.db.select().from(personContact).where(eq(personContact.id, id)))[0];

  describe("the page", () => {
    it("shows the social worker each person's details, whom they are hidden from, the names and the placement", async () => {
      const view = await confidentialDetailsFor(as("socialWorker"), cases.mia);
      const leah = view.people.find((p) => p.personId === people.leah);
      expect(leah?.contact?.address).toBe("Flat 4, 27 Wharf Street, Eastfield EF1 3RD");
      expect(leah?.contact?.hiddenFrom.map((p) => p.personId)).toEqual([people.daniel]);
      expect(view.people.find((p) => p.personId === people.mia)?.contact).toBeNull();
      expect(view.names.map((n) => n.name)).toEqual(["Chloe Brennan"]);
      expect(view.names[0]?.hiddenFrom.map((p) => p.personId)).toEqual([people.leah]);
      expect(view.placement?.address).toBe("14 Orchard Rise, Eastfield EF4 2PL");
      expect(view.canEdit).toBe(true);
    });

    it("audits the read by record ids, never the addresses themselves", async () => {
      const rows = await auditFor("confidential_details", "allowed");
      expect(rows.length).toBeGreaterThan(0);
      const detail = JSON.stringify(rows.map((r) => r.detail));
      expect(detail).toContain(contacts.leah);
      expect(detail).not.toContain("Wharf Street");
      expect(detail).not.toContain("Chloe");
    });

    it("lets the team manager read but not change", async () => {
      const view = await confidentialDetailsFor(as("teamManager"), cases.mia);
      expect(view.canEdit).toBe(false);
      await expect(
        saveContact(as("teamManager"), cases.mia, people.daniel, {
          address: DANIELS_NEW_ADDRESS,
          hiddenFrom: [people.leah],
          version: 1,
        }),
      ).rejects.toThrow(AccessDenied);
      await expect(
        addConfidentialName(as("teamManager"), cases.mia, {
          name: "Ann Other",
          hiddenFrom: [people.leah],
        }),
      ).rejects.toThrow(AccessDenied);
      await expect(
        nameForEditing(as("teamManager"), cases.mia, demoConfidentialNames.miaDanielsPartner.id),
      ).rejects.toThrow(AccessDenied);
    });

    it("refuses the co-worker, and records the refusal", async () => {
      const before = (await auditFor("confidential_name", "denied")).length;
      await expect(confidentialDetailsFor(as("coWorker"), cases.mia)).rejects.toThrow(AccessDenied);
      await expect(contactForEditing(as("coWorker"), cases.mia, people.leah)).rejects.toThrow(
        AccessDenied,
      );
      await expect(
        saveContact(as("coWorker"), cases.mia, people.leah, { phone: "07700 900000", version: 1 }),
      ).rejects.toThrow(AccessDenied);
      expect((await auditFor("confidential_name", "denied")).length).toBe(before + 2);
    });

    it("refuses every family account, even for their own details", async () => {
      for (const account of ["parent", "secondParent"] as const) {
        await expect(confidentialDetailsFor(as(account), cases.mia)).rejects.toThrow(AccessDenied);
        await expect(
          addConfidentialName(as(account), cases.mia, {
            name: "Someone",
            hiddenFrom: [people.leah],
          }),
        ).rejects.toThrow(AccessDenied);
      }
      await expect(contactForEditing(as("parent"), cases.mia, people.leah)).rejects.toThrow(
        AccessDenied,
      );
    });
  });

  describe("contact details", () => {
    it("changes Daniel's address, keeps the old one in the history and only the field name in the audit", async () => {
      const sw = as("socialWorker");
      const form = await contactForEditing(sw, cases.mia, people.daniel);
      expect(form.others.map((p) => p.personId).sort()).toEqual([people.leah, people.mia].sort());
      const saved = await saveContact(sw, cases.mia, people.daniel, {
        address: DANIELS_NEW_ADDRESS,
        phone: "07700 900587",
        email: "dan.morgan@example.com",
        hiddenFrom: [people.leah],
        version: form.contact?.version ?? 0,
      });
      expect(saved.version).toBe(2);
      expect((await contactRow(contacts.daniel))?.address).toBe(DANIELS_NEW_ADDRESS);

      const history = await seeded.handle.db
        .select()
        .from(confidentialDetailHistory)
        .where(eq(confidentialDetailHistory.subjectId, contacts.daniel));
      expect(history).toHaveLength(1);
      expect(history[0]?.replacedVersion).toBe(1);
      expect(history[0]?.previous).toMatchObject({ address: "12 Kestrel Road, Northmoor NM6 8JT" });

      const [audit] = (await auditFor("person_contact", "allowed")).filter(
        (r) => r.action === "update" && r.resourceId === contacts.daniel,
      );
      expect(audit?.detail).toMatchObject({ fields: ["address"], version: 2 });
      expect(JSON.stringify(audit?.detail)).not.toContain("Heron");
      expect(JSON.stringify(audit?.detail)).not.toContain("Kestrel");

      const view = await confidentialDetailsFor(sw, cases.mia);
      expect(view.people.find((p) => p.personId === people.daniel)?.contact?.earlierVersions).toBe(
        1,
      );
    });

    it("refuses a stale edit and keeps the newer details", async () => {
      await expect(
        saveContact(as("socialWorker"), cases.mia, people.daniel, {
          address: "Somewhere else 1",
          hiddenFrom: [],
          version: 1,
        }),
      ).rejects.toThrow(StaleWrite);
      const row = await contactRow(contacts.daniel);
      expect(row?.address).toBe(DANIELS_NEW_ADDRESS);
      expect(row?.hiddenFromPersonIds).toEqual([people.leah]);
    });

    it("adds details for someone who had none, and refuses an empty form", async () => {
      const sw = as("socialWorker");
      await expect(
        saveContact(sw, cases.mia, people.mia, { hiddenFrom: [], version: 0 }),
      ).rejects.toMatchObject({ code: "NOTHING_TO_SAVE" });
      const { contactId, version } = await saveContact(sw, cases.mia, people.mia, {
        phone: "07700 900123",
        hiddenFrom: [people.daniel],
        version: 0,
      });
      expect(version).toBe(1);
      expect((await contactRow(contactId))?.hiddenFromPersonIds).toEqual([people.daniel]);
      // A second "new" form built before the first save is stale.
      await expect(
        saveContact(sw, cases.mia, people.mia, { phone: "07700 900999", version: 0 }),
      ).rejects.toThrow(StaleWrite);
    });

    it("hides details only from other people on this case", async () => {
      const sw = as("socialWorker");
      await expect(
        saveContact(sw, cases.mia, people.leah, {
          address: "x",
          hiddenFrom: [people.leah],
          version: 1,
        }),
      ).rejects.toMatchObject({ code: "HIDDEN_FROM_SELF" });
      await expect(
        saveContact(sw, cases.mia, people.leah, {
          address: "x",
          hiddenFrom: [people.amira],
          version: 1,
        }),
      ).rejects.toBeInstanceOf(ConfidentialDetailsRefusal);
    });

    it("checks phone numbers and email addresses", () => {
      const bad = contactSchema.safeParse({ phone: "call me", email: "no-at-sign", version: "0" });
      expect(bad.success).toBe(false);
      const messages = bad.error?.issues.map((i) => [i.path[0], i.message]);
      expect(messages).toEqual([
        ["phone", "errors.phone"],
        ["email", "errors.email"],
      ]);
      const good = contactSchema.parse({ phone: "+44 7700 900123", email: "", version: "3" });
      expect(good).toMatchObject({ phone: "+44 7700 900123", email: null, hiddenFrom: [] });
    });
  });

  describe("confidential names", () => {
    it("must be hidden from someone", () => {
      const parsed = nameSchema.safeParse({ name: "Ann", hiddenFrom: [] });
      expect(parsed.error?.issues[0]?.message).toBe("errors.hiddenFromName");
    });

    it("are added, changed with the old values kept, and retired rather than deleted", async () => {
      const sw = as("socialWorker");
      const { nameId } = await addConfidentialName(sw, cases.mia, {
        name: "Ross Keane",
        description: "Leah's new partner",
        hiddenFrom: [people.daniel],
      });
      const form = await nameForEditing(sw, cases.mia, nameId);
      expect(form.name?.version).toBe(1);
      await updateConfidentialName(sw, cases.mia, nameId, {
        name: "Ross Keane",
        description: "Leah's partner",
        hiddenFrom: [people.daniel, people.mia],
        version: 1,
      });
      await expect(
        updateConfidentialName(sw, cases.mia, nameId, {
          name: "Ross",
          hiddenFrom: [people.daniel],
          version: 1,
        }),
      ).rejects.toThrow(StaleWrite);
      await retireConfidentialName(sw, cases.mia, { nameId, version: 2 });
      await expect(
        updateConfidentialName(sw, cases.mia, nameId, {
          name: "Ross",
          hiddenFrom: [people.daniel],
          version: 3,
        }),
      ).rejects.toMatchObject({ code: "NAME_ENDED" });

      const [row] = await seeded.handle.db
        .select()
        .from(confidentialName)
        .where(eq(confidentialName.id, nameId));
      expect(row?.endedAt).not.toBeNull();
      expect(row?.version).toBe(3);
      const history = await seeded.handle.db
        .select()
        .from(confidentialDetailHistory)
        .where(eq(confidentialDetailHistory.subjectId, nameId));
      expect(history.map((h) => h.replacedVersion).sort()).toEqual([1, 2]);
      const view = await confidentialDetailsFor(sw, cases.mia);
      expect(view.names.map((n) => n.nameId)).not.toContain(nameId);
      expect(view.retiredNames.map((n) => n.nameId)).toContain(nameId);
      const audits = (await auditFor("confidential_name", "allowed")).filter(
        (r) => r.resourceId === nameId && r.action !== "read",
      );
      expect(audits.map((a) => a.action)).toEqual(["create", "update", "update"]);
      expect(JSON.stringify(audits.map((a) => a.detail))).not.toContain("Ross");
    });
  });

  describe("earlier versions on the page", () => {
    it("lists who changed Daniel's details, when and what, with the values as they were", async () => {
      const view = await confidentialDetailsFor(as("socialWorker"), cases.mia);
      const contact = view.people.find((p) => p.personId === people.daniel)?.contact;
      expect(contact?.earlierVersions).toBe(1);
      expect(contact?.history).toHaveLength(1);
      const [first] = contact?.history ?? [];
      expect(first).toMatchObject({
        version: 1,
        changedByName: "Sarah Okafor",
        changedAt: now.toISOString(),
        changed: ["address"],
        values: { address: "12 Kestrel Road, Northmoor NM6 8JT" },
      });
      expect(first?.values?.hiddenFrom.map((p) => p.name)).toEqual(["Leah Morgan"]);
      // Nobody changed Leah's details yet: no earlier versions.
      expect(view.people.find((p) => p.personId === people.leah)?.contact?.history).toEqual([]);
    });

    it("lists a name's versions newest first, retiring included", async () => {
      const view = await confidentialDetailsFor(as("socialWorker"), cases.mia);
      const ross = view.retiredNames.find((n) => n.name === "Ross Keane");
      expect(ross?.earlierVersions).toBe(2);
      expect(ross?.history.map((v) => [v.version, v.changed])).toEqual([
        [2, ["retired"]],
        [1, ["description", "hiddenFrom"]],
      ]);
      expect(ross?.history[1]?.values).toMatchObject({
        description: "Leah's new partner",
        retired: false,
      });
      expect(ross?.history[1]?.values?.hiddenFrom.map((p) => p.personId)).toEqual([people.daniel]);
    });

    it("shows the team manager the same history, read-only, and audits which versions were shown", async () => {
      const view = await confidentialDetailsFor(as("teamManager"), cases.mia);
      const contact = view.people.find((p) => p.personId === people.daniel)?.contact;
      expect(contact?.history[0]?.values?.address).toBe("12 Kestrel Road, Northmoor NM6 8JT");
      const [historyRow] = await seeded.handle.db
        .select()
        .from(confidentialDetailHistory)
        .where(eq(confidentialDetailHistory.subjectId, contacts.daniel));
      const reads = await auditFor("confidential_details", "allowed");
      const detail = JSON.stringify(reads.at(-1)?.detail);
      expect(detail).toContain(historyRow?.id);
      expect(detail).not.toContain("Kestrel");
    });

    it("refuses the history, like the page, to the co-worker and to family accounts", async () => {
      for (const account of ["coWorker", "parent", "secondParent"] as const)
        await expect(confidentialDetailsFor(as(account), cases.mia)).rejects.toThrow(AccessDenied);
    });

    it("keeps an earlier version's values from a viewer the policy refuses them to", () => {
      const rows = [
        {
          id: "h1",
          replacedVersion: 1,
          previous: { address: "Old Road 1", phone: null, email: null, hiddenFromPersonIds: [] },
          changedAt: now,
          changedByName: "Sarah Okafor",
        },
      ];
      const current = { address: "New Road 2", phone: "01234 567890", hiddenFromPersonIds: ["x"] };
      const snapshot = (v: Record<string, unknown>) => ({
        address: v.address ?? null,
        phone: v.phone ?? null,
        hiddenFrom: v.hiddenFromPersonIds ?? [],
      });
      const allowed = earlierVersionsOf(
        rows,
        current,
        snapshot,
        (v) => v.address,
        () => true,
      );
      expect(allowed).toEqual([
        {
          version: 1,
          changedByName: "Sarah Okafor",
          changedAt: now.toISOString(),
          changed: ["address", "phone", "hiddenFrom"],
          values: "Old Road 1",
        },
      ]);
      const refused = earlierVersionsOf(
        rows,
        current,
        snapshot,
        (v) => v.address,
        () => false,
      );
      expect(refused[0]?.values).toBeNull();
      expect(refused[0]?.changed).toEqual(["address", "phone", "hiddenFrom"]);
    });
  });

  describe("what the share check uses", () => {
    const shareWithLeah = async (body: string) => {
      const sw = as("socialWorker");
      const { entryId } = await createEntry(
        sw,
        cases.mia,
        recordEntrySchema.parse({ kind: "case_note", title: "Contact update", body }),
      );
      return shareEntry(
        sw,
        entryId,
        { memberIds: [members.miaLeah], deadline: "", version: 1 },
        deps(),
      );
    };

    it("blocks sharing with Leah an entry that names someone flagged here as hidden from her", async () => {
      await addConfidentialName(as("socialWorker"), cases.mia, {
        name: "Priya Lowe",
        description: "Daniel's lodger",
        hiddenFrom: [people.leah],
      });
      const result = await shareWithLeah("Daniel now lives with Priya Lowe, who cares for Mia.");
      expect(result).toMatchObject({ ok: false, code: "CONFIDENTIAL_DETAILS" });
      if (!result.ok && result.code === "CONFIDENTIAL_DETAILS")
        expect(result.findings.map((f) => [f.kind, f.found])).toEqual([["name", "Priya Lowe"]]);
    });

    it("blocks Daniel's new address hidden from Leah", async () => {
      const result = await shareWithLeah("Mia visits her dad at 3 Heron Close on Saturdays.");
      expect(result).toMatchObject({ ok: false, code: "CONFIDENTIAL_DETAILS" });
    });

    it("stops blocking once the name is retired", async () => {
      const sw = as("socialWorker");
      const { nameId } = await addConfidentialName(sw, cases.mia, {
        name: "Kit Marsh",
        hiddenFrom: [people.leah],
      });
      expect(await shareWithLeah("Kit Marsh came to the meeting.")).toMatchObject({ ok: false });
      await retireConfidentialName(sw, cases.mia, { nameId, version: 1 });
      expect(await shareWithLeah("Kit Marsh came to the meeting.")).toMatchObject({ ok: true });
    });
  });
});
