import { z } from "zod";

import { getPrisma } from "@/lib/db/client";

export const SYNC_LOG_STATUSES = ["success", "failed", "pending"] as const;
export type SyncLogStatus = (typeof SYNC_LOG_STATUSES)[number];
const SYNC_LOG_LIMIT = 100;

const errorDetailsSchema = z.array(
  z.object({ code: z.string(), message: z.string(), fields: z.array(z.string()).optional() }),
);
export type SyncLogError = z.infer<typeof errorDetailsSchema>[number];

export interface SyncLogEntry {
  id: string;
  createdAt: string;
  leadName: string | null;
  syncType: string;
  direction: string;
  status: string;
  crmRecordId: string | null;
  retryCount: number;
  errors: SyncLogError[];
}

export function parseSyncLogStatus(value: string | undefined): SyncLogStatus | null {
  return SYNC_LOG_STATUSES.find((status) => status === value) ?? null;
}

// A CRM can reject one write for several reasons; all of them must be shown, and a log written
// before error_details existed still has its error_message.
function readErrors(details: unknown, message: string | null): SyncLogError[] {
  const parsed = errorDetailsSchema.safeParse(details);
  if (parsed.success && parsed.data.length > 0) return parsed.data;
  return message ? [{ code: "error", message }] : [];
}

/** The latest sync logs of the tenant's integration, newest first; [] when none is connected. */
export async function loadSyncLogs(tenantId: string, status: SyncLogStatus | null) {
  const db = getPrisma();
  const integration = await db.crmIntegration.findUnique({
    where: { tenantId },
    select: { id: true, crmType: true },
  });
  if (!integration) return { crmType: null, entries: [] };

  const logs = await db.crmSyncLog.findMany({
    where: {
      integrationId: integration.id,
      integration: { tenantId },
      ...(status ? { status } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: SYNC_LOG_LIMIT,
    include: { lead: { select: { name: true } } },
  });
  const entries: SyncLogEntry[] = logs.map((log) => ({
    id: log.id,
    createdAt: log.createdAt.toISOString(),
    leadName: log.lead?.name ?? null,
    syncType: log.syncType,
    direction: log.direction,
    status: log.status,
    crmRecordId: log.crmRecordId,
    retryCount: log.retryCount,
    errors: readErrors(log.errorDetails, log.errorMessage),
  }));
  return { crmType: integration.crmType, entries };
}
