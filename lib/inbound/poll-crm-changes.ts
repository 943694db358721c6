import { isCrmError } from "@/lib/crm/errors";
import type { CrmIntegration, PrismaClient } from "@/lib/db/generated/client";
import { applyCrmChanges } from "@/lib/inbound/apply-crm-changes";
import { createCrmClient } from "@/lib/integrations/crm-client-factory";
import { readSyncConfig } from "@/lib/integrations/sync-config";
import { logger } from "@/lib/logging/logger";

// Polling, the safety net under webhooks (every 5 minutes by default): read what changed in
// the CRM since the last poll. Each poll reads a little further back than the last one ended
// (clock skew, search indexing lag); applying a change twice is harmless.

const OVERLAP_MS = 2 * 60_000;
const MAX_CHANGES_PER_POLL = 2_000;

/** When the integration is next due; null when it does not poll (one-way sync). */
export function nextPollAt(integration: CrmIntegration): Date | null {
  const config = readSyncConfig(integration.syncConfig);
  if (config.direction !== "bidirectional" || integration.authStatus !== "connected") return null;
  if (!integration.lastPolledAt) return integration.updatedAt;
  return new Date(integration.lastPolledAt.getTime() + config.pollIntervalMinutes * 60_000);
}

export async function pollIntegration(db: PrismaClient, integration: CrmIntegration) {
  const startedAt = new Date();
  const from = integration.lastPolledAt ?? integration.updatedAt;
  const since = new Date(from.getTime() - OVERLAP_MS);
  const changes = await createCrmClient(db, integration).listLeadChangesSince(
    since,
    MAX_CHANGES_PER_POLL,
  );
  const outcomes = await applyCrmChanges(db, integration, changes, "poll");
  // A backlog larger than one poll continues from where this one stopped, at once.
  const reachedLimit = changes.length >= MAX_CHANGES_PER_POLL;
  const cursor = reachedLimit ? (changes.at(-1)?.changedAt ?? startedAt) : startedAt;
  await db.crmIntegration.update({ where: { id: integration.id }, data: { lastPolledAt: cursor } });
  return { changes: changes.length, applied: outcomes.filter((o) => o === "applied").length };
}

export async function pollDueIntegrations(db: PrismaClient, now = new Date()) {
  const integrations = await db.crmIntegration.findMany({
    where: { authStatus: "connected", enabled: true },
  });
  let polled = 0;
  let applied = 0;
  for (const integration of integrations) {
    const due = nextPollAt(integration);
    if (!due || due > now) continue;
    try {
      const result = await pollIntegration(db, integration);
      polled += 1;
      applied += result.applied;
    } catch (error) {
      // Credentials problems are recorded on the integration by the token manager.
      if (!isCrmError(error, "reconnect_required")) {
        logger.warn({ event: "inbound.poll_failed", integrationId: integration.id, err: error });
      }
    }
  }
  return { polled, applied };
}
