import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import type { LeadCreateInput } from "@/lib/leads/lead-schemas";
import { insertLead } from "@/lib/leads/lead-service";
import { syncDueEntries } from "@/lib/sync/sync-engine";
import { connectCrm } from "@/tests/support/connect";
import { createTenant, startHarness, type Harness, type TestTenant } from "@/tests/support/harness";
import { sandboxRecords, seedSandboxRecord, setFaults } from "@/tests/support/sandbox-admin";

// The engine driven by hand (no background worker): retries, partial failures, existing
// CRM records. Each case from ../shared/cases is named where it applies.

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ sync: "manual", env: { CRM_REQUEST_TIMEOUT_MS: "700" } });
});
afterEach(async () => {
  await setFaults(harness.salesforce.instanceUrl, null);
  await setFaults(harness.hubspot.apiUrl, null);
});
afterAll(async () => harness?.stop());

function leadInput(overrides: Partial<LeadCreateInput> = {}): LeadCreateInput {
  return {
    name: "高橋 健",
    email: `ken-${Math.random().toString(36).slice(2)}@example.jp`,
    company: "高橋物産",
    score: 50,
    priority_level: "Warm",
    detected_challenges: [],
    ...overrides,
  };
}

async function queueLeads(tenant: TestTenant, inputs: LeadCreateInput[]) {
  return harness.db.$transaction(async (tx) => {
    const queued = [];
    for (const input of inputs) queued.push(await insertLead(tx, tenant.tenantId, input));
    return queued;
  });
}

describe("Salesforce", () => {
  it("C5: a create committed after the client gave up is retried without a duplicate", async () => {
    const tenant = await createTenant(harness.db);
    await connectCrm(harness.db, tenant, "salesforce");
    const [{ lead, entry }] = (await queueLeads(tenant, [leadInput()])) as [
      Awaited<ReturnType<typeof insertLead>>,
    ];

    await setFaults(harness.salesforce.instanceUrl, { commitThenDelayMs: 2_000 });
    await syncDueEntries(harness.db, { ids: [entry.id], limit: 1 });
    const afterTimeout = await harness.db.syncOutbox.findUniqueOrThrow({ where: { id: entry.id } });
    expect(afterTimeout).toMatchObject({ status: "pending", attempts: 1 });
    const committed = (await sandboxRecords(harness.salesforce.instanceUrl, "Lead")).filter(
      (r) => r.DiagnoLeadsId__c === lead.id,
    );
    expect(committed).toHaveLength(1);

    await setFaults(harness.salesforce.instanceUrl, null);
    await syncDueEntries(harness.db, { ids: [entry.id], limit: 1 });
    const records = (await sandboxRecords(harness.salesforce.instanceUrl, "Lead")).filter(
      (r) => r.DiagnoLeadsId__c === lead.id,
    );
    expect(records).toHaveLength(1);
    const synced = await harness.db.lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(synced).toMatchObject({ crmSyncStatus: "synced", crmExternalId: records[0]?.Id });
    const logs = await harness.db.crmSyncLog.findMany({ where: { leadId: lead.id } });
    expect(logs).toMatchObject([{ status: "success", syncType: "update", retryCount: 1 }]);
  });

  it("C6: one bad record in a collection fails alone, with every error, and is not retried", async () => {
    const tenant = await createTenant(harness.db);
    await connectCrm(harness.db, tenant, "salesforce");
    const queued = await queueLeads(tenant, [leadInput(), leadInput(), leadInput()]);
    // An address the API would refuse today, as older data may hold.
    await harness.db.lead.update({
      where: { id: queued[1]!.lead.id },
      data: { email: "not-an-email" },
    });

    await syncDueEntries(harness.db, { ids: queued.map((q) => q.entry.id), limit: 10 });

    const leads = await Promise.all(
      queued.map((q) => harness.db.lead.findUniqueOrThrow({ where: { id: q.lead.id } })),
    );
    expect(leads.map((l) => l.crmSyncStatus)).toEqual(["synced", "failed", "synced"]);
    const failedEntry = await harness.db.syncOutbox.findUniqueOrThrow({
      where: { id: queued[1]!.entry.id },
    });
    expect(failedEntry.status).toBe("failed");
    const log = await harness.db.crmSyncLog.findFirstOrThrow({
      where: { leadId: queued[1]!.lead.id },
    });
    expect(log.status).toBe("failed");
    expect(log.errorDetails).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: "INVALID_EMAIL_ADDRESS", fields: ["Email"] }),
      ]),
    );
    expect(log.errorMessage).toContain("INVALID_EMAIL_ADDRESS");

    await syncDueEntries(harness.db, { limit: 10, tenantId: tenant.tenantId });
    expect(await harness.db.crmSyncLog.count({ where: { leadId: queued[1]!.lead.id } })).toBe(1);
  });

  it("syncing the same lead again updates the one record (idempotent retries)", async () => {
    const tenant = await createTenant(harness.db);
    await connectCrm(harness.db, tenant, "salesforce");
    const [first] = await queueLeads(tenant, [leadInput()]);
    await syncDueEntries(harness.db, { ids: [first!.entry.id], limit: 1 });
    const again = await harness.db.$transaction((tx) =>
      tx.syncOutbox.create({
        data: { tenantId: tenant.tenantId, leadId: first!.lead.id, operation: "upsert" },
      }),
    );
    await syncDueEntries(harness.db, { ids: [again.id], limit: 1 });
    const records = (await sandboxRecords(harness.salesforce.instanceUrl, "Lead")).filter(
      (r) => r.DiagnoLeadsId__c === first!.lead.id,
    );
    expect(records).toHaveLength(1);
  });
});

describe("HubSpot", () => {
  it("C4: a contact that already has the lead's email is updated and linked, not duplicated", async () => {
    const tenant = await createTenant(harness.db);
    await connectCrm(harness.db, tenant, "hubspot");
    const existing = await seedSandboxRecord(harness.hubspot.apiUrl, "contacts", {
      properties: { email: "existing@example.jp", firstname: "既存", lastname: "連絡先" },
    });
    const existingId = String((existing as { id?: unknown }).id);
    const [queued] = await queueLeads(tenant, [
      leadInput({ email: "existing@example.jp", name: "木村 拓也" }),
    ]);

    await syncDueEntries(harness.db, { ids: [queued!.entry.id], limit: 1 });

    const contacts = (await sandboxRecords(harness.hubspot.apiUrl, "contacts")).filter(
      (c) => (c.properties as Record<string, unknown>).email === "existing@example.jp",
    );
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({
      id: existingId,
      properties: expect.objectContaining({
        lastname: "木村",
        firstname: "拓也",
        diagnoleads_lead_id: queued!.lead.id,
      }),
    });
    const lead = await harness.db.lead.findUniqueOrThrow({ where: { id: queued!.lead.id } });
    expect(lead).toMatchObject({ crmExternalId: existingId, crmSyncStatus: "synced" });
    expect(
      await harness.db.crmSyncLog.count({ where: { leadId: lead.id, status: "failed" } }),
    ).toBe(0);
  });

  it("C7: a 429 TEN_SECONDLY_ROLLING puts the batch back without counting a failure", async () => {
    const tenant = await createTenant(harness.db);
    await connectCrm(harness.db, tenant, "hubspot");
    const queued = await queueLeads(tenant, [leadInput(), leadInput()]);
    const ids = queued.map((q) => q.entry.id);

    await setFaults(harness.hubspot.apiUrl, { rateLimitBurst: 1 });
    await syncDueEntries(harness.db, { ids, limit: 10 });
    const waiting = await harness.db.syncOutbox.findMany({ where: { id: { in: ids } } });
    expect(waiting.map((e) => [e.status, e.attempts])).toEqual([
      ["pending", 0],
      ["pending", 0],
    ]);
    expect(Math.min(...waiting.map((e) => e.nextAttemptAt.getTime()))).toBeGreaterThan(
      Date.now() + 5_000,
    );

    await syncDueEntries(harness.db, { ids, limit: 10 });
    const leads = await harness.db.lead.findMany({
      where: { id: { in: queued.map((q) => q.lead.id) } },
    });
    expect(leads.map((l) => l.crmSyncStatus)).toEqual(["synced", "synced"]);
    expect(
      await harness.db.crmSyncLog.count({
        where: { leadId: { in: leads.map((l) => l.id) }, status: "failed" },
      }),
    ).toBe(0);
  });
});

describe("text longer than the CRM field", () => {
  it("is cut to the field's length by characters, never mid-character", async () => {
    const tenant = await createTenant(harness.db);
    await connectCrm(harness.db, tenant, "salesforce");
    // Salesforce FirstName holds 40 characters; 𠮷 is one character but two UTF-16 units.
    const given = "𠮷太郎".repeat(30);
    const [queued] = await queueLeads(tenant, [leadInput({ name: `山田 ${given}` })]);
    await syncDueEntries(harness.db, { ids: [queued!.entry.id], limit: 1 });

    const lead = await harness.db.lead.findUniqueOrThrow({ where: { id: queued!.lead.id } });
    expect(lead.crmSyncStatus).toBe("synced");
    const record = (await sandboxRecords(harness.salesforce.instanceUrl, "Lead")).find(
      (r) => r.DiagnoLeadsId__c === lead.id,
    );
    const firstName = String(record?.FirstName);
    expect(Array.from(firstName)).toHaveLength(40);
    expect(firstName.isWellFormed()).toBe(true);
    expect(given.startsWith(firstName)).toBe(true);
    expect(record?.LastName).toBe("山田");
  });
});

describe("Salesforce record-level errors", () => {
  it("retries a record that hit UNABLE_TO_LOCK_ROW, and fails one caught by a duplicate rule", async () => {
    const tenant = await createTenant(harness.db);
    await connectCrm(harness.db, tenant, "salesforce");
    const [locked] = await queueLeads(tenant, [leadInput()]);
    await setFaults(harness.salesforce.instanceUrl, {
      recordErrors: { code: "UNABLE_TO_LOCK_ROW", count: 1 },
    });

    await syncDueEntries(harness.db, { ids: [locked!.entry.id], limit: 1 });
    expect(
      await harness.db.lead.findUniqueOrThrow({ where: { id: locked!.lead.id } }),
    ).toMatchObject({
      crmSyncStatus: "retrying",
    });
    await syncDueEntries(harness.db, { ids: [locked!.entry.id], limit: 1 });
    expect(
      await harness.db.lead.findUniqueOrThrow({ where: { id: locked!.lead.id } }),
    ).toMatchObject({
      crmSyncStatus: "synced",
    });
    expect(
      await harness.db.crmSyncLog.count({ where: { leadId: locked!.lead.id, status: "failed" } }),
    ).toBe(0);

    const [duplicate] = await queueLeads(tenant, [leadInput()]);
    await setFaults(harness.salesforce.instanceUrl, {
      recordErrors: { code: "DUPLICATES_DETECTED", count: 1 },
    });
    await syncDueEntries(harness.db, { ids: [duplicate!.entry.id], limit: 1 });
    const log = await harness.db.crmSyncLog.findFirstOrThrow({
      where: { leadId: duplicate!.lead.id },
    });
    expect(log).toMatchObject({ status: "failed" });
    expect(log.errorDetails).toEqual([expect.objectContaining({ code: "DUPLICATES_DETECTED" })]);
  });
});

describe("HubSpot time-outs", () => {
  it("C5: a batch committed after the client gave up is retried without a duplicate", async () => {
    const tenant = await createTenant(harness.db);
    await connectCrm(harness.db, tenant, "hubspot");
    const [queued] = await queueLeads(tenant, [leadInput()]);

    await setFaults(harness.hubspot.apiUrl, { commitThenDelayMs: 2_000 });
    await syncDueEntries(harness.db, { ids: [queued!.entry.id], limit: 1 });
    expect(
      await harness.db.syncOutbox.findUniqueOrThrow({ where: { id: queued!.entry.id } }),
    ).toMatchObject({
      status: "pending",
      attempts: 1,
    });

    await setFaults(harness.hubspot.apiUrl, null);
    await syncDueEntries(harness.db, { ids: [queued!.entry.id], limit: 1 });
    const contacts = (await sandboxRecords(harness.hubspot.apiUrl, "contacts")).filter(
      (c) => (c.properties as Record<string, unknown>).diagnoleads_lead_id === queued!.lead.id,
    );
    expect(contacts).toHaveLength(1);
    expect(
      await harness.db.lead.findUniqueOrThrow({ where: { id: queued!.lead.id } }),
    ).toMatchObject({
      crmSyncStatus: "synced",
      crmExternalId: contacts[0]?.id,
    });
  });
});

describe("Salesforce daily API allocation", () => {
  it("REQUEST_LIMIT_EXCEEDED holds all the tenant's pending work without failing it", async () => {
    const tenant = await createTenant(harness.db);
    await connectCrm(harness.db, tenant, "salesforce");
    const queued = await queueLeads(tenant, [leadInput(), leadInput(), leadInput()]);
    await setFaults(harness.salesforce.instanceUrl, { apiAllocation: 0 });

    await syncDueEntries(harness.db, { ids: [queued[0]!.entry.id], limit: 1 });

    const entries = await harness.db.syncOutbox.findMany({ where: { tenantId: tenant.tenantId } });
    expect(entries.map((e) => e.status)).toEqual(["pending", "pending", "pending"]);
    for (const entry of entries) {
      expect(entry.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 30 * 60_000);
    }
    expect(
      await harness.db.crmSyncLog.count({
        where: { status: "failed", leadId: { in: queued.map((q) => q.lead.id) } },
      }),
    ).toBe(0);
    const audit = await harness.db.auditLog.findFirst({
      where: { tenantId: tenant.tenantId, action: "integration.quota_exhausted" },
    });
    expect(audit).not.toBeNull();
  });
});

describe("assessment activities", () => {
  it.each(["salesforce", "hubspot"] as const)(
    "%s: an activity committed after the client gave up is not created twice",
    async (crm) => {
      const tenant = await createTenant(harness.db);
      await connectCrm(harness.db, tenant, crm);
      const [queued] = await queueLeads(tenant, [leadInput()]);
      await syncDueEntries(harness.db, { ids: [queued!.entry.id], limit: 1 });
      const { response, entry } = await harness.db.$transaction(async (tx) => {
        const created = await tx.assessmentResponse.create({
          data: {
            tenantId: tenant.tenantId,
            leadId: queued!.lead.id,
            assessmentName: "営業力診断",
            answers: [{ question: "課題", answer: "人手不足" }],
            completedAt: new Date(),
          },
        });
        const outbox = await tx.syncOutbox.create({
          data: {
            tenantId: tenant.tenantId,
            leadId: queued!.lead.id,
            operation: "assessment",
            assessmentResponseId: created.id,
          },
        });
        return { response: created, entry: outbox };
      });
      const baseUrl =
        crm === "salesforce" ? harness.salesforce.instanceUrl : harness.hubspot.apiUrl;

      await setFaults(baseUrl, { commitThenDelayMs: 2_000 });
      await syncDueEntries(harness.db, { ids: [entry.id], limit: 1 });
      expect(
        (await harness.db.syncOutbox.findUniqueOrThrow({ where: { id: entry.id } })).status,
      ).toBe("pending");
      await setFaults(baseUrl, null);
      await syncDueEntries(harness.db, { ids: [entry.id], limit: 1 });

      const activities = (
        await sandboxRecords(baseUrl, crm === "salesforce" ? "Task" : "notes")
      ).filter((record) => JSON.stringify(record).includes(response.id));
      expect(activities).toHaveLength(1);
      const saved = await harness.db.assessmentResponse.findUniqueOrThrow({
        where: { id: response.id },
      });
      expect(saved.crmActivityId).toBe(String(activities[0]?.Id ?? activities[0]?.id));
      expect(JSON.stringify(activities[0])).toContain("営業力診断");
    },
  );
});
