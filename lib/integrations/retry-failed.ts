import { recordAudit } from "@/lib/audit/audit-log";
import type { CrmType } from "@/lib/crm/types";
import type { PrismaClient } from "@/lib/db/generated/client";
import { findIntegration } from "@/lib/integrations/integration-lookup";
import { requestSync } from "@/lib/sync/dispatch";

/**
 * Queues every lead whose last sync failed for another attempt, e.g. after the admin fixed
 * the field mapping or a CRM validation rule. Deleted leads retry their delete.
 */
export async function retryFailedLeads(
  db: PrismaClient,
  tenantId: string,
  crmType: CrmType,
  userId: string,
) {
  const integration = await findIntegration(db, tenantId, crmType);
  const entries = await db.$transaction(async (tx) => {
    const failed = await tx.lead.findMany({
      where: { tenantId, crmSyncStatus: "failed" },
      select: { id: true, deletedAt: true },
    });
    await tx.lead.updateMany({
      where: { tenantId, id: { in: failed.map((lead) => lead.id) } },
      data: { crmSyncStatus: "pending" },
    });
    const created = await tx.syncOutbox.createManyAndReturn({
      data: failed.map((lead) => ({
        tenantId,
        leadId: lead.id,
        operation: lead.deletedAt ? "delete" : "upsert",
      })),
      select: { id: true, tenantId: true },
    });
    await recordAudit(tx, {
      tenantId,
      actorType: "user",
      actorId: userId,
      action: "integration.retry_failed",
      targetType: "crm_integration",
      targetId: integration.id,
      details: { leads: failed.length },
    });
    return created;
  });
  await requestSync(entries);
  return { queued: entries.length };
}
