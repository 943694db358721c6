import { inngest } from "@/lib/jobs/inngest-client";
import { leadSyncRequested } from "@/lib/jobs/events";
import { SALESFORCE_COLLECTION_MAX } from "@/lib/config/crm-limits";
import { getPrisma } from "@/lib/db/client";
import { syncDueEntries } from "@/lib/sync/sync-engine";

// Batches a tenant's sync requests into one CRM call. Retries follow the outbox's policy
// (entries put back for later are re-sent by relay-outbox), not Inngest's own.
export const syncLeads = inngest.createFunction(
  {
    id: "sync-leads",
    triggers: [leadSyncRequested],
    batchEvents: { maxSize: SALESFORCE_COLLECTION_MAX, timeout: "2s", key: "event.data.tenantId" },
    concurrency: { limit: 1, key: "event.data.tenantId" },
    retries: 3,
  },
  async ({ events, step }) => {
    const ids = [...new Set(events.map((event) => event.data.outboxId))];
    const claimed = await step.run("sync-outbox-entries", () =>
      syncDueEntries(getPrisma(), { ids, limit: ids.length }),
    );
    return { requested: ids.length, claimed };
  },
);
