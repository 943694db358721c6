import { spawn } from "node:child_process";
import path from "node:path";

import { afterAll, beforeAll, expect, it } from "vitest";

import { syncDueEntries } from "@/lib/sync/sync-engine";
import { connectCrm } from "@/tests/support/connect";
import { createTenant, startHarness, waitFor, type Harness } from "@/tests/support/harness";
import { sandboxRecords, setFaults } from "@/tests/support/sandbox-admin";

// A process killed after it accepted a lead and before the lead reached the CRM loses nothing:
// the next worker finds the outbox entry and the lead arrives, once.

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ sync: "manual", env: { SYNC_LOCK_SECONDS: "2" } });
});
afterAll(async () => harness?.stop());

function runAcceptThenDie(
  tenantId: string,
  apiKey: string,
): Promise<{ stdout: string; killed: boolean }> {
  const child = spawn(
    path.join("node_modules", ".bin", "tsx"),
    [path.join("tests", "support", "accept-then-die.ts"), tenantId, apiKey],
    { env: { ...process.env, LOG_LEVEL: "silent" }, stdio: ["ignore", "pipe", "inherit"] },
  );
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  // tsx runs the script in a child of its own and reports that child's SIGKILL as exit 137.
  return new Promise((resolve) =>
    child.on("exit", (code, signal) =>
      resolve({ stdout, killed: signal === "SIGKILL" || code === 137 }),
    ),
  );
}

it("a lead accepted just before the process died is synced by the next worker", async () => {
  const tenant = await createTenant(harness.db);
  await connectCrm(harness.db, tenant, "salesforce");
  await setFaults(harness.salesforce.instanceUrl, { latencyMs: 5_000 });

  const child = await runAcceptThenDie(tenant.tenantId, tenant.apiKey);
  expect(child.killed).toBe(true);
  expect(JSON.parse(child.stdout)).toMatchObject({ status: 201 });
  const lead = await harness.db.lead.findFirstOrThrow({ where: { tenantId: tenant.tenantId } });
  expect(lead.crmSyncStatus).toBe("pending");
  expect(await harness.db.syncOutbox.count({ where: { leadId: lead.id, status: "pending" } })).toBe(
    1,
  );

  await setFaults(harness.salesforce.instanceUrl, null);
  await waitFor(
    async () => (await syncDueEntries(harness.db, { limit: 10, tenantId: tenant.tenantId })) > 0,
  );
  const synced = await harness.db.lead.findUniqueOrThrow({ where: { id: lead.id } });
  expect(synced.crmSyncStatus).toBe("synced");
  await waitFor(async () => {
    const records = (await sandboxRecords(harness.salesforce.instanceUrl, "Lead")).filter(
      (r) => r.DiagnoLeadsId__c === lead.id,
    );
    // The dead process's request may still land in the CRM; either way there is one record.
    return records.length === 1 && records[0]?.LastName === "渡辺";
  });
}, 30_000);
