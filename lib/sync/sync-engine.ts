import type { CrmType } from "@/lib/crm/types";
import type { PrismaClient, SyncOutbox } from "@/lib/db/generated/client";
import { createCrmClient } from "@/lib/integrations/crm-client-factory";
import { readFieldLengths, readSyncConfig } from "@/lib/integrations/sync-config";
import { logger } from "@/lib/logging/logger";
import { effectiveFieldMappings } from "@/lib/mapping/field-mappings";
import { claimOutboxEntries } from "@/lib/sync/outbox";
import type { SyncContext } from "@/lib/sync/sync-context";
import { syncAssessmentActivities } from "@/lib/sync/sync-assessments";
import { syncLeadDeletes } from "@/lib/sync/sync-deletes";
import { handleCallFailure, pauseEntries } from "@/lib/sync/sync-failures";
import { syncLeadUpserts } from "@/lib/sync/sync-upserts";

// Drains claimed outbox entries, tenant by tenant. Both engines (Inngest functions and the
// inline worker) call only this, so they share one behaviour and one retry policy.

async function syncTenant(db: PrismaClient, tenantId: string, entries: SyncOutbox[]) {
  const integration = await db.crmIntegration.findUnique({ where: { tenantId } });
  if (!integration || !integration.enabled || integration.authStatus !== "connected") {
    const reason = integration ? `integration ${integration.authStatus}` : "no CRM connected";
    await pauseEntries(db, entries, reason);
    return;
  }
  const crmType = integration.crmType as CrmType;
  const log = logger.child({ tenantId, integrationId: integration.id, crm: crmType });
  const context: SyncContext = {
    db,
    tenantId,
    integration,
    crmType,
    client: createCrmClient(db, integration),
    mappings: effectiveFieldMappings(crmType, integration.fieldMappings),
    nameOrder: readSyncConfig(integration.syncConfig).nameOrder,
    fieldLengths: readFieldLengths(integration.syncConfig),
    log,
  };
  const ofOperation = (operation: string) => entries.filter((e) => e.operation === operation);
  try {
    await syncLeadUpserts(context, ofOperation("upsert"));
    await syncLeadDeletes(context, ofOperation("delete"));
    await syncAssessmentActivities(context, ofOperation("assessment"));
  } catch (error) {
    // A bug or a database failure: release what is still locked for a later attempt.
    log.error({ event: "sync.tenant_failed", err: error });
    const stillLocked = await db.syncOutbox.findMany({
      where: { id: { in: entries.map((e) => e.id) }, status: "pending" },
    });
    await handleCallFailure(context, stillLocked, "update", error, log);
  }
  await db.crmIntegration.update({
    where: { id: integration.id },
    data: { lastSyncAt: new Date() },
  });
}

export async function syncOutboxEntries(db: PrismaClient, entries: SyncOutbox[]): Promise<void> {
  const byTenant = new Map<string, SyncOutbox[]>();
  for (const entry of entries)
    byTenant.set(entry.tenantId, [...(byTenant.get(entry.tenantId) ?? []), entry]);
  for (const [tenantId, tenantEntries] of byTenant) await syncTenant(db, tenantId, tenantEntries);
}

/** Claims and syncs due entries; returns how many were claimed. */
export async function syncDueEntries(
  db: PrismaClient,
  filter: { limit: number; ids?: string[]; tenantId?: string },
): Promise<number> {
  const entries = await claimOutboxEntries(db, filter);
  if (entries.length > 0) await syncOutboxEntries(db, entries);
  return entries.length;
}
