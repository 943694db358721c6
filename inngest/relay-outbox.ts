import { inngest } from "@/lib/jobs/inngest-client";
import { leadSyncRequested } from "@/lib/jobs/events";
import { getPrisma } from "@/lib/db/client";

const RELAY_BATCH = 1_000;

// Re-sends events for outbox entries that are due: retries whose wait is over, and changes
// whose event could not be published when they were made (the outbox row survived).
export const relayOutbox = inngest.createFunction(
  { id: "relay-outbox", triggers: [{ cron: "* * * * *" }], concurrency: { limit: 1 } },
  async ({ step }) => {
    const due = await step.run("find-due-entries", () =>
      getPrisma().syncOutbox.findMany({
        where: {
          status: "pending",
          nextAttemptAt: { lte: new Date() },
          OR: [{ lockedUntil: null }, { lockedUntil: { lt: new Date() } }],
        },
        select: { id: true, tenantId: true },
        orderBy: { createdAt: "asc" },
        take: RELAY_BATCH,
      }),
    );
    if (due.length > 0) {
      await step.sendEvent(
        "request-sync",
        due.map((entry) =>
          leadSyncRequested.create({ outboxId: entry.id, tenantId: entry.tenantId }),
        ),
      );
    }
    return { relayed: due.length };
  },
);
