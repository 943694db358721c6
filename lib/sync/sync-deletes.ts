import type { SyncOutbox } from "@/lib/db/generated/client";
import { completeOutboxEntries } from "@/lib/sync/outbox";
import { retriesOf, writeSyncLog, type SyncContext } from "@/lib/sync/sync-context";
import { handleCallFailure } from "@/lib/sync/sync-failures";

/** Deletes the CRM records of deleted leads; a record already gone counts as deleted. */
export async function syncLeadDeletes(context: SyncContext, entries: SyncOutbox[]) {
  for (const entry of entries) {
    const lead = await context.db.lead.findFirst({
      where: { id: entry.leadId, tenantId: context.tenantId },
    });
    const crmId = lead?.crmExternalId ?? null;
    // Two leads can share one CRM record (HubSpot links a lead to the contact that already has
    // its email): the record goes only when no live lead still points at it.
    const shared = crmId
      ? await context.db.lead.count({
          where: {
            tenantId: context.tenantId,
            crmExternalId: crmId,
            deletedAt: null,
            id: { not: entry.leadId },
          },
        })
      : 0;
    try {
      if (crmId && shared === 0) await context.client.deleteLead(crmId);
    } catch (error) {
      await handleCallFailure(context, [entry], "delete", error, context.log);
      continue;
    }
    await context.db.$transaction(async (tx) => {
      await tx.lead.updateMany({
        where: { id: entry.leadId, tenantId: context.tenantId },
        data: { crmExternalId: null, crmSyncStatus: "synced", crmSyncedAt: new Date() },
      });
      await writeSyncLog(tx, context, {
        leadId: entry.leadId,
        syncType: "delete",
        status: "success",
        crmRecordId: crmId,
        fieldsSynced: [],
        ...(shared > 0 ? { errorMessage: "CRM record kept: another lead still uses it" } : {}),
        retryCount: retriesOf([entry]),
      });
      await completeOutboxEntries(tx, [entry.id]);
    });
  }
}
