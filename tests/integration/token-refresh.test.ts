import { spawn } from "node:child_process";
import path from "node:path";

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { decryptSecret } from "@/lib/crypto/token-cipher";
import { getSyncStatus } from "@/lib/integrations/sync-status";
import { refreshDueTokens } from "@/lib/integrations/refresh-due-tokens";
import type { LeadCreateInput } from "@/lib/leads/lead-schemas";
import { insertLead } from "@/lib/leads/lead-service";
import { syncDueEntries } from "@/lib/sync/sync-engine";
import { connectCrm } from "@/tests/support/connect";
import { createTenant, startHarness, type Harness, type TestTenant } from "@/tests/support/harness";
import { sandboxRecords, sandboxRequests, setFaults } from "@/tests/support/sandbox-admin";

// Credentials that stay healthy: refresh races under rotation (C1, C2), a revoked refresh
// token (C3), refresh ahead of expiry.

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ sync: "manual" });
});
afterEach(async () => {
  await setFaults(harness.salesforce.instanceUrl, null);
  await setFaults(harness.hubspot.apiUrl, null);
});
afterAll(async () => harness?.stop());

function input(i: number): LeadCreateInput {
  const email = `refresh-${i}-${Math.random().toString(36).slice(2)}@example.jp`;
  return {
    name: `小林 ${i}`,
    email,
    company: "小林商会",
    score: i,
    priority_level: "Warm",
    detected_challenges: [],
  };
}

async function queue(tenant: TestTenant, count: number) {
  return harness.db.$transaction(async (tx) => {
    const queued = [];
    for (let i = 0; i < count; i += 1) queued.push(await insertLead(tx, tenant.tenantId, input(i)));
    return queued;
  });
}

async function refreshGrants(baseUrl: string): Promise<number> {
  return (await sandboxRequests(baseUrl)).filter((r) => r.grantType === "refresh_token").length;
}

function syncInAnotherProcess(ids: string[]): Promise<number | null> {
  const child = spawn(
    path.join("node_modules", ".bin", "tsx"),
    [path.join("tests", "support", "sync-entries.ts"), ...ids],
    {
      env: { ...process.env, LOG_LEVEL: "silent" },
      stdio: "inherit",
    },
  );
  return new Promise((resolve) => child.on("exit", (code) => resolve(code)));
}

describe("Salesforce refresh-token rotation", () => {
  it("C1: two processes hit an expired session at once; one refresh, both syncs succeed", async () => {
    const tenant = await createTenant(harness.db);
    await connectCrm(harness.db, tenant, "salesforce");
    const [first, second] = await queue(tenant, 2);
    const before = await refreshGrants(harness.salesforce.instanceUrl);
    await setFaults(harness.salesforce.instanceUrl, { expireAllSessions: true });
    await setFaults(harness.salesforce.instanceUrl, { refreshDelayMs: 500, refreshDelayCount: 2 });

    const codes = await Promise.all([
      syncInAnotherProcess([first!.entry.id]),
      syncInAnotherProcess([second!.entry.id]),
    ]);
    expect(codes).toEqual([0, 0]);

    expect(await refreshGrants(harness.salesforce.instanceUrl)).toBe(before + 1);
    const leads = await harness.db.lead.findMany({ where: { tenantId: tenant.tenantId } });
    expect(leads.map((l) => l.crmSyncStatus)).toEqual(["synced", "synced"]);
    // The stored refresh token is the newest: with rotation, only it can refresh again (C2).
    await setFaults(harness.salesforce.instanceUrl, { expireAllSessions: true });
    const [third] = await queue(tenant, 1);
    await syncDueEntries(harness.db, { ids: [third!.entry.id], limit: 1 });
    expect(await refreshGrants(harness.salesforce.instanceUrl)).toBe(before + 2);
    const lead = await harness.db.lead.findUniqueOrThrow({ where: { id: third!.lead.id } });
    expect(lead.crmSyncStatus).toBe("synced");
    const integration = await harness.db.crmIntegration.findUniqueOrThrow({
      where: { tenantId: tenant.tenantId },
    });
    expect(integration.authStatus).toBe("connected");
  }, 30_000);

  it("C2: each refresh sends the refresh token the previous one returned", async () => {
    const tenant = await createTenant(harness.db);
    await connectCrm(harness.db, tenant, "salesforce");
    const seen: string[] = [];
    for (let round = 0; round < 3; round += 1) {
      const row = await harness.db.crmIntegration.findUniqueOrThrow({
        where: { tenantId: tenant.tenantId },
      });
      seen.push(decryptSecret(row.refreshTokenEncrypted!));
      await setFaults(harness.salesforce.instanceUrl, { expireAllSessions: true });
      const [queued] = await queue(tenant, 1);
      await syncDueEntries(harness.db, { ids: [queued!.entry.id], limit: 1 });
      const entry = await harness.db.syncOutbox.findUniqueOrThrow({
        where: { id: queued!.entry.id },
      });
      expect(entry.lastError).toBeNull();
      expect(
        (await harness.db.lead.findUniqueOrThrow({ where: { id: queued!.lead.id } })).crmSyncStatus,
      ).toBe("synced");
    }
    expect(new Set(seen).size).toBe(3);
  });
});

describe("C3: a revoked refresh token", () => {
  it("pauses only that tenant without losing a lead, and reconnecting delivers them all", async () => {
    const revoked = await createTenant(harness.db, "Revoked");
    const healthy = await createTenant(harness.db, "Healthy");
    await connectCrm(harness.db, revoked, "salesforce");
    await connectCrm(harness.db, healthy, "hubspot");
    const waiting = await queue(revoked, 20);
    const other = await queue(healthy, 2);

    await setFaults(harness.salesforce.instanceUrl, { expireAllSessions: true });
    await setFaults(harness.salesforce.instanceUrl, { failNextRefresh: "invalid_grant" });
    await syncDueEntries(harness.db, {
      ids: [...waiting, ...other].map((q) => q.entry.id),
      limit: 50,
    });

    const integration = await harness.db.crmIntegration.findUniqueOrThrow({
      where: { tenantId: revoked.tenantId },
    });
    expect(integration.authStatus).toBe("reconnect_required");
    const status = await getSyncStatus(harness.db, revoked.tenantId, "salesforce");
    expect(status.health_status).toBe("reconnect_required");
    const revokedLeads = await harness.db.lead.findMany({ where: { tenantId: revoked.tenantId } });
    expect(new Set(revokedLeads.map((l) => l.crmSyncStatus))).toEqual(new Set(["waiting"]));
    expect(
      await harness.db.syncOutbox.count({
        where: { tenantId: revoked.tenantId, status: "pending" },
      }),
    ).toBe(20);
    expect(await harness.db.crmSyncLog.count({ where: { integrationId: integration.id } })).toBe(0);
    const audit = await harness.db.auditLog.findFirst({
      where: { tenantId: revoked.tenantId, action: "integration.refresh_failed" },
    });
    expect(audit).not.toBeNull();
    const otherLeads = await harness.db.lead.findMany({ where: { tenantId: healthy.tenantId } });
    expect(otherLeads.map((l) => l.crmSyncStatus)).toEqual(["synced", "synced"]);

    await connectCrm(harness.db, revoked, "salesforce");
    await syncDueEntries(harness.db, { limit: 50, tenantId: revoked.tenantId });
    const delivered = await harness.db.lead.findMany({ where: { tenantId: revoked.tenantId } });
    expect(delivered.filter((l) => l.crmSyncStatus === "synced")).toHaveLength(20);
    const ids = new Set(delivered.map((l) => l.id));
    const inCrm = (await sandboxRecords(harness.salesforce.instanceUrl, "Lead")).filter((r) =>
      ids.has(String(r.DiagnoLeadsId__c)),
    );
    expect(inCrm).toHaveLength(20);
  }, 30_000);
});

describe("refresh ahead of expiry", () => {
  it("refreshes a HubSpot token that expires within the window, and leaves fresh ones alone", async () => {
    const soon = await createTenant(harness.db);
    const fresh = await createTenant(harness.db);
    await connectCrm(harness.db, soon, "hubspot");
    await connectCrm(harness.db, fresh, "hubspot");
    // As if 26 of the token's 30 minutes had passed.
    await harness.db.crmIntegration.update({
      where: { tenantId: soon.tenantId },
      data: { expiresAt: new Date(Date.now() + 4 * 60_000) },
    });
    const before = await harness.db.crmIntegration.findUniqueOrThrow({
      where: { tenantId: soon.tenantId },
    });
    const untouched = await harness.db.crmIntegration.findUniqueOrThrow({
      where: { tenantId: fresh.tenantId },
    });

    const result = await refreshDueTokens(harness.db);

    expect(result).toEqual({ refreshed: 1, failed: 0 });
    const after = await harness.db.crmIntegration.findUniqueOrThrow({
      where: { tenantId: soon.tenantId },
    });
    expect(decryptSecret(after.accessTokenEncrypted!)).not.toBe(
      decryptSecret(before.accessTokenEncrypted!),
    );
    expect(after.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 25 * 60_000);
    const still = await harness.db.crmIntegration.findUniqueOrThrow({
      where: { tenantId: fresh.tenantId },
    });
    expect(still.accessTokenEncrypted).toBe(untouched.accessTokenEncrypted);
  });
});
