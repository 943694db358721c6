import { inngest } from "@/lib/jobs/inngest-client";
import { leadSyncRequested } from "@/lib/jobs/events";
import type { SyncOutbox } from "@/lib/db/generated/client";
import { logger } from "@/lib/logging/logger";
import { syncEngineMode } from "@/lib/sync/engine-mode";
import { getInlineWorker } from "@/lib/sync/inline-worker";

/**
 * Tells the engine that entries are waiting. Called after the commit; if this fails the
 * entries are still in the outbox and the relay (or the inline worker's poll) finds them.
 */
export async function requestSync(entries: Pick<SyncOutbox, "id" | "tenantId">[]): Promise<void> {
  if (entries.length === 0) return;
  if (syncEngineMode() === "inline") {
    getInlineWorker().wake();
    return;
  }
  try {
    await inngest.send(
      entries.map((entry) =>
        leadSyncRequested.create({ outboxId: entry.id, tenantId: entry.tenantId }),
      ),
    );
  } catch (error) {
    logger.warn({ event: "sync.publish_failed", entries: entries.length, err: error });
  }
}
