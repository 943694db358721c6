import { performance } from "node:perf_hooks";

import { POST as createLeadRoute } from "../../app/api/v1/tenants/[tenantId]/leads/route";
import { getInlineWorker } from "../../lib/sync/inline-worker";
import { callRoute } from "../../tests/support/api-client";
import { connectCrm } from "../../tests/support/connect";
import { createTenant, startHarness } from "../../tests/support/harness";

// Benchmark: leads accepted by the API -> visible in the CRM sandbox, through the real engine
// (inline worker, real PostgreSQL, real HTTP). Prints figures; asserts nothing.
// Usage: npm run bench -- [leads=500] [crm=salesforce|hubspot]

const count = Number(process.argv[2] ?? 500);
const crm = (process.argv[3] ?? "salesforce") as "salesforce" | "hubspot";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main() {
  const harness = await startHarness({ sync: "background" });
  try {
    const tenant = await createTenant(harness.db, "Benchmark");
    await connectCrm(harness.db, tenant, crm);
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const acceptedAt = new Map<string, number>();
    for (let i = 0; i < count; i += 1) {
      const result = await callRoute(createLeadRoute, {
        method: "POST",
        path: `/api/v1/tenants/${tenant.tenantId}/leads`,
        params: { tenantId: tenant.tenantId },
        apiKey: tenant.apiKey,
        body: {
          name: `ベンチ ${i}`,
          email: `bench-${i}@example.jp`,
          company: "Bench",
          score: i % 100,
          priority_level: "Warm",
        },
      });
      acceptedAt.set((result.body as { id: string }).id, Date.now());
    }
    const acceptMs = performance.now() - started;
    let synced = 0;
    while (synced < count && performance.now() - started < 300_000) {
      synced = await harness.db.lead.count({
        where: { tenantId: tenant.tenantId, crmSyncStatus: "synced" },
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const totalMs = performance.now() - started;
    const leads = await harness.db.lead.findMany({
      where: { tenantId: tenant.tenantId },
      select: { id: true, crmSyncedAt: true },
    });
    const latencies = leads
      .filter((lead) => lead.crmSyncedAt)
      .map((lead) => (lead.crmSyncedAt as Date).getTime() - (acceptedAt.get(lead.id) ?? 0))
      .sort((a, b) => a - b);
    console.log(
      [
        `crm=${crm} leads=${count} synced=${synced}`,
        `accept: ${(count / (acceptMs / 1000)).toFixed(1)} leads/s through the API`,
        `end to end: ${(synced / (totalMs / 1000)).toFixed(1)} leads/s, all synced in ${(totalMs / 1000).toFixed(1)} s`,
        `accept -> CRM latency ms: p50=${percentile(latencies, 50)} p95=${percentile(latencies, 95)} max=${latencies.at(-1)}`,
        `rss: ${(rssBefore / 2 ** 20).toFixed(0)} MiB -> ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`,
      ].join("\n"),
    );
  } finally {
    await getInlineWorker().pause();
    await harness.stop();
  }
}

void main();
