import { z } from "zod";

import type { CrmType } from "@/lib/crm/types";
import { getPrisma } from "@/lib/db/client";
import { getSyncStatus } from "@/lib/integrations/sync-status";
import { isCrmType } from "@/lib/ui/crm-labels";

// What the integrations page may show: no token fields ever leave this module, because the
// query selects only the columns listed here.

const setupReportSchema = z.object({
  checkedAt: z.string(),
  missingFields: z.array(z.string()).default([]),
  createdFields: z.array(z.string()).default([]),
  error: z.string().optional(),
});
export type SetupReportView = z.infer<typeof setupReportSchema>;

export interface SyncStatusView {
  health: string;
  lastSync: string | null;
  totalSynced: number;
  failedSyncs: number;
  pendingSyncs: number;
  failedLeads: number;
  pollIntervalMinutes: number;
  nextPollAt: string | null;
}

export interface IntegrationView {
  crmType: CrmType;
  authStatus: string;
  enabled: boolean;
  externalAccountId: string | null;
  setup: SetupReportView | null;
  status: SyncStatusView;
}

function readSetupReport(syncConfig: unknown): SetupReportView | null {
  if (typeof syncConfig !== "object" || syncConfig === null || !("setup" in syncConfig))
    return null;
  const parsed = setupReportSchema.safeParse(syncConfig.setup);
  return parsed.success ? parsed.data : null;
}

/** The tenant's integration (one per tenant), or null when none was ever connected. */
export async function loadIntegrationView(tenantId: string): Promise<IntegrationView | null> {
  const db = getPrisma();
  const row = await db.crmIntegration.findUnique({
    where: { tenantId },
    select: {
      crmType: true,
      authStatus: true,
      enabled: true,
      externalAccountId: true,
      syncConfig: true,
    },
  });
  if (!row || !isCrmType(row.crmType)) return null;

  const status = await getSyncStatus(db, tenantId, row.crmType);
  return {
    crmType: row.crmType,
    authStatus: row.authStatus,
    enabled: row.enabled,
    externalAccountId: row.externalAccountId,
    setup: readSetupReport(row.syncConfig),
    status: {
      health: status.health_status,
      lastSync: status.last_sync,
      totalSynced: status.total_synced,
      failedSyncs: status.failed_syncs,
      pendingSyncs: status.pending_syncs,
      failedLeads: status.failed_leads,
      pollIntervalMinutes: status.poll_interval_minutes,
      nextPollAt: status.next_poll_at,
    },
  };
}
