import { ApiError, notFound } from "@/lib/api/errors";
import type { CrmType } from "@/lib/crm/types";
import type { PrismaClient } from "@/lib/db/generated/client";
import { findIntegration } from "@/lib/integrations/integration-lookup";
import { enqueueSync } from "@/lib/sync/outbox";
import { syncDueEntries } from "@/lib/sync/sync-engine";

export interface SyncNowInput {
  leadId: string;
  syncType: "create" | "update" | "delete";
  force: boolean;
}

/**
 * Synchronous sync of one lead (the sync-lead endpoint). It goes through the outbox like
 * every other change, so a crash mid-call loses nothing and retries stay idempotent.
 */
export async function syncLeadNow(
  db: PrismaClient,
  tenantId: string,
  crmType: CrmType,
  input: SyncNowInput,
) {
  const integration = await findIntegration(db, tenantId, crmType);
  if (integration.authStatus !== "connected") {
    throw new ApiError("conflict", "The integration must be reconnected before syncing");
  }
  const lead = await db.lead.findFirst({
    where: {
      id: input.leadId,
      tenantId,
      ...(input.syncType === "delete" ? {} : { deletedAt: null }),
    },
  });
  if (!lead) throw notFound("Lead");
  if (input.syncType === "delete" && !lead.deletedAt) {
    throw new ApiError(
      "validation_failed",
      "sync_type delete is for deleted leads: DELETE the lead itself",
    );
  }

  const upToDate =
    lead.crmSyncStatus === "synced" && lead.crmSyncedAt && lead.crmSyncedAt >= lead.updatedAt;
  if (!input.force && input.syncType !== "delete" && upToDate) {
    const last = await db.crmSyncLog.findFirst({
      where: { integrationId: integration.id, leadId: lead.id, status: "success" },
      orderBy: { createdAt: "desc" },
    });
    return { lead, log: last, skipped: true, queued: null };
  }
  const entry = await db.$transaction((tx) =>
    enqueueSync(tx, {
      tenantId,
      leadId: lead.id,
      operation: input.syncType === "delete" ? "delete" : "upsert",
    }),
  );
  await syncDueEntries(db, { ids: [entry.id], limit: 1 });
  const [after, log, outbox] = await Promise.all([
    db.lead.findFirstOrThrow({ where: { id: lead.id, tenantId } }),
    db.crmSyncLog.findFirst({
      where: { integrationId: integration.id, leadId: lead.id },
      orderBy: { createdAt: "desc" },
    }),
    db.syncOutbox.findUniqueOrThrow({ where: { id: entry.id } }),
  ]);
  if (outbox.status === "pending") {
    return { lead: after, log: null, skipped: false, queued: { lastError: outbox.lastError } };
  }
  if (outbox.status === "failed") {
    throw new ApiError(
      "crm_error",
      "The CRM rejected the lead",
      log?.errorDetails ?? outbox.lastError,
    );
  }
  return { lead: after, log, skipped: false, queued: null };
}
