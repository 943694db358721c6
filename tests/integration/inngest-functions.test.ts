import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { leadSyncRequested } from "@/lib/jobs/events";
import { relayOutbox } from "@/inngest/relay-outbox";
import { syncLeads } from "@/inngest/sync-leads";
import { insertLead } from "@/lib/leads/lead-service";
import { connectCrm } from "@/tests/support/connect";
import { createTenant, startHarness, type Harness, type TestTenant } from "@/tests/support/harness";
import { sandboxRecords } from "@/tests/support/sandbox-admin";

// The Inngest functions, run in-process by @inngest/test (no Inngest server can run here).
// Their steps really execute against the database and the sandbox.

let harness: Harness;
let tenant: TestTenant;
beforeAll(async () => {
  harness = await startHarness({ sync: "manual" });
  tenant = await createTenant(harness.db);
  await connectCrm(harness.db, tenant, "hubspot");
});
afterAll(async () => harness?.stop());

async function queue(count: number) {
  return harness.db.$transaction(async (tx) => {
    const queued = [];
    for (let i = 0; i < count; i += 1) {
      queued.push(
        await insertLead(tx, tenant.tenantId, {
          name: `Inngest ${i}`,
          email: `inngest-${i}-${Date.now()}@example.com`,
          score: i,
          priority_level: "Cold",
          detected_challenges: [],
        }),
      );
    }
    return queued;
  });
}

describe("sync-leads", () => {
  it("syncs a batch of a tenant's requested entries in one run", async () => {
    const queued = await queue(3);
    const events = queued.map(({ entry }) =>
      leadSyncRequested.create({ outboxId: entry.id, tenantId: entry.tenantId }),
    );
    const engine = new InngestTestEngine({ function: syncLeads, events: events as never });
    const { result } = await engine.execute();
    expect(result).toEqual({ requested: 3, claimed: 3 });
    const contacts = await sandboxRecords(harness.hubspot.apiUrl, "contacts");
    for (const { lead } of queued) {
      expect(contacts.some((c) => JSON.stringify(c).includes(lead.id))).toBe(true);
    }
  });

  it("declares per-tenant batching and concurrency", () => {
    expect(syncLeads.opts).toMatchObject({
      batchEvents: { key: "event.data.tenantId" },
      concurrency: { limit: 1, key: "event.data.tenantId" },
    });
  });
});

describe("relay-outbox", () => {
  it("re-sends due entries whose event was never delivered", async () => {
    const queued = await queue(2);
    const engine = new InngestTestEngine({
      function: relayOutbox,
      steps: [{ id: "request-sync", handler: () => ({ ids: [] }) }],
    });
    const { result, ctx } = await engine.execute();
    expect(result).toMatchObject({ relayed: 2 });
    const sent = (ctx.step.sendEvent as unknown as { mock: { calls: unknown[][] } }).mock
      .calls[0]?.[1];
    expect(sent).toEqual(
      queued.map(({ entry }) =>
        expect.objectContaining({
          name: "crm/lead.sync-requested",
          data: { outboxId: entry.id, tenantId: tenant.tenantId },
        }),
      ),
    );
  });
});
