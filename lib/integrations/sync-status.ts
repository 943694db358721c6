import type { CrmType } from "@/lib/crm/types";
import type { PrismaClient } from "@/lib/db/generated/client";
import { nextPollAt } from "@/lib/inbound/poll-crm-changes";
import { findIntegration } from "@/lib/integrations/integration-lookup";
import { readSyncConfig } from "@/lib/integrations/sync-config";

const STUCK_AFTER_MS = 5 * 60_000;
const RECENT_MS = 24 * 60 * 60_000;

export type HealthStatus =
  "healthy" | "degraded" | "reconnect_required" | "disconnected" | "disabled";

export async function getSyncStatus(db: PrismaClient, tenantId: string, crmType: CrmType) {
  const integration = await findIntegration(db, tenantId, crmType);
  const since = new Date(Date.now() - RECENT_MS);
  const [totalSynced, failedSyncs, recentFailures, pending, stuck, failedLeads] = await Promise.all(
    [
      db.crmSyncLog.count({ where: { integrationId: integration.id, status: "success" } }),
      db.crmSyncLog.count({ where: { integrationId: integration.id, status: "failed" } }),
      db.crmSyncLog.count({
        where: { integrationId: integration.id, status: "failed", createdAt: { gte: since } },
      }),
      db.syncOutbox.count({ where: { tenantId, status: "pending" } }),
      db.syncOutbox.count({
        where: {
          tenantId,
          status: "pending",
          createdAt: { lt: new Date(Date.now() - STUCK_AFTER_MS) },
        },
      }),
      db.lead.count({ where: { tenantId, crmSyncStatus: "failed" } }),
    ],
  );
  let health: HealthStatus = "healthy";
  if (!integration.enabled) health = "disabled";
  else if (integration.authStatus === "disconnected") health = "disconnected";
  else if (integration.authStatus !== "connected") health = "reconnect_required";
  else if (recentFailures > 0 || stuck > 0) health = "degraded";

  return {
    crm_type: integration.crmType,
    enabled: integration.enabled,
    auth_status: integration.authStatus,
    last_sync: integration.lastSyncAt?.toISOString() ?? null,
    total_synced: totalSynced,
    failed_syncs: failedSyncs,
    pending_syncs: pending,
    failed_leads: failedLeads,
    next_poll_at: nextPollAt(integration)?.toISOString() ?? null,
    last_poll_at: integration.lastPolledAt?.toISOString() ?? null,
    poll_interval_minutes: readSyncConfig(integration.syncConfig).pollIntervalMinutes,
    health_status: health,
  };
}
