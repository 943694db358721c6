import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { disconnectIntegration } from "@/lib/integrations/disconnect";
import { retryFailedLeads } from "@/lib/integrations/retry-failed";
import { getSyncStatus } from "@/lib/integrations/sync-status";
import type { LeadCreateInput } from "@/lib/leads/lead-schemas";
import { insertLead } from "@/lib/leads/lead-service";
import { syncDueEntries } from "@/lib/sync/sync-engine";
import { connectCrm } from "@/tests/support/connect";
import { createTenant, startHarness, type Harness, type TestTenant } from "@/tests/support/harness";
import { sandboxRecords } from "@/tests/support/sandbox-admin";

// Changing CRM, retrying failures, and leads that share one CRM record.

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ sync: "manual" });
});
afterAll(async () => harness?.stop());

function input(email: string): LeadCreateInput {
  return {
    name: "清水 大輔",
    email,
    company: "清水建設",
    score: 40,
    priority_level: "Warm",
    detected_challenges: [],
  };
}

async function queue(tenant: TestTenant, inputs: LeadCreateInput[]) {
  return harness.db.$transaction(async (tx) => {
    const queued = [];
    for (const lead of inputs) queued.push(await insertLead(tx, tenant.tenantId, lead));
    return queued;
  });
}

async function drain(tenant: TestTenant) {
  await syncDueEntries(harness.db, { limit: 100, tenantId: tenant.tenantId });
}

describe("switching from Salesforce to HubSpot", () => {
  it("starts from HubSpot's default mapping and puts every lead into HubSpot", async () => {
    const tenant = await createTenant(harness.db);
    await connectCrm(harness.db, tenant, "salesforce");
    await queue(tenant, [input("switch-1@example.jp"), input("switch-2@example.jp")]);
    await drain(tenant);
    await disconnectIntegration(harness.db, tenant.tenantId, "salesforce", tenant.userId);

    await connectCrm(harness.db, tenant, "hubspot");
    await drain(tenant);

    const integration = await harness.db.crmIntegration.findUniqueOrThrow({
      where: { tenantId: tenant.tenantId },
    });
    expect(JSON.stringify(integration.fieldMappings)).toContain("firstname");
    expect(JSON.stringify(integration.fieldMappings)).not.toContain("FirstName");
    const leads = await harness.db.lead.findMany({ where: { tenantId: tenant.tenantId } });
    expect(leads.map((l) => l.crmSyncStatus)).toEqual(["synced", "synced"]);
    const contacts = await sandboxRecords(harness.hubspot.apiUrl, "contacts");
    for (const lead of leads) {
      expect(contacts.some((c) => String(c.id) === lead.crmExternalId)).toBe(true);
    }
  });
});

describe("retry failed leads", () => {
  it("queues failed leads again, and they go through once the cause is fixed", async () => {
    const tenant = await createTenant(harness.db);
    await connectCrm(harness.db, tenant, "hubspot");
    await harness.db.crmIntegration.update({
      where: { tenantId: tenant.tenantId },
      data: {
        fieldMappings: [
          { diagnoField: "lead.name", crmField: "no_such_property", transform: null },
        ],
      },
    });
    const [queued] = await queue(tenant, [input("retry@example.jp")]);
    await drain(tenant);
    expect(
      (await harness.db.lead.findUniqueOrThrow({ where: { id: queued!.lead.id } })).crmSyncStatus,
    ).toBe("failed");

    await harness.db.crmIntegration.update({
      where: { tenantId: tenant.tenantId },
      data: { fieldMappings: [] },
    });
    expect((await getSyncStatus(harness.db, tenant.tenantId, "hubspot")).failed_leads).toBe(1);
    const result = await retryFailedLeads(harness.db, tenant.tenantId, "hubspot", tenant.userId);
    expect(result).toEqual({ queued: 1 });
    await drain(tenant);
    expect(
      (await harness.db.lead.findUniqueOrThrow({ where: { id: queued!.lead.id } })).crmSyncStatus,
    ).toBe("synced");
  });
});

describe("two leads with one email (one HubSpot contact)", () => {
  it("deleting one lead keeps the contact the other still uses", async () => {
    const tenant = await createTenant(harness.db);
    await connectCrm(harness.db, tenant, "hubspot");
    const [first, second] = await queue(tenant, [
      input("shared@example.jp"),
      input("shared@example.jp"),
    ]);
    await drain(tenant);
    const a = await harness.db.lead.findUniqueOrThrow({ where: { id: first!.lead.id } });
    const b = await harness.db.lead.findUniqueOrThrow({ where: { id: second!.lead.id } });
    expect(a.crmExternalId).toBe(b.crmExternalId);

    await harness.db.$transaction(async (tx) => {
      await tx.lead.update({ where: { id: a.id }, data: { deletedAt: new Date() } });
      await tx.syncOutbox.create({
        data: { tenantId: tenant.tenantId, leadId: a.id, operation: "delete" },
      });
    });
    await drain(tenant);

    const contacts = await sandboxRecords(harness.hubspot.apiUrl, "contacts");
    expect(contacts.some((c) => String(c.id) === b.crmExternalId)).toBe(true);
    expect((await harness.db.lead.findUniqueOrThrow({ where: { id: b.id } })).crmSyncStatus).toBe(
      "synced",
    );
  });
});
