import type { CrmWriteResult } from "@/lib/crm/types";
import type { Lead, SyncOutbox } from "@/lib/db/generated/client";
import { mapLeadToCrmFields } from "@/lib/mapping/map-lead";
import { completeOutboxEntries } from "@/lib/sync/outbox";
import { retriesOf, writeSyncLog, type SyncContext } from "@/lib/sync/sync-context";
import { failEntries, handleCallFailure, retryOrFail } from "@/lib/sync/sync-failures";

// Lead create/update: the lead's current state is written, so several pending changes of one
// lead collapse into one write, and a retried write is harmless.

interface LeadWork {
  lead: Lead;
  entries: SyncOutbox[];
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

async function recordSuccess(
  context: SyncContext,
  work: LeadWork,
  result: CrmWriteResult & { ok: true },
  fields: string[],
) {
  const { lead, entries } = work;
  await context.db.$transaction(async (tx) => {
    // Only a lead unchanged since it was read counts as synced; a newer change is queued.
    const unchanged = await tx.lead.updateMany({
      where: { id: lead.id, tenantId: context.tenantId, updatedAt: lead.updatedAt },
      data: { crmExternalId: result.crmId, crmSyncStatus: "synced", crmSyncedAt: new Date() },
    });
    if (unchanged.count === 0) {
      await tx.lead.updateMany({
        where: { id: lead.id, tenantId: context.tenantId },
        data: { crmExternalId: result.crmId },
      });
    }
    await writeSyncLog(tx, context, {
      leadId: lead.id,
      syncType: result.created ? "create" : "update",
      status: "success",
      crmRecordId: result.crmId,
      fieldsSynced: fields,
      retryCount: retriesOf(entries),
    });
    await completeOutboxEntries(
      tx,
      entries.map((entry) => entry.id),
    );
  });
}

async function recordResult(
  context: SyncContext,
  work: LeadWork,
  result: CrmWriteResult,
  fields: string[],
) {
  const syncType = work.lead.crmExternalId ? "update" : "create";
  if (result.ok) return recordSuccess(context, work, result, fields);
  if (result.retryable) return retryOrFail(context, work.entries, syncType, result.errors);
  context.log.warn({
    event: "sync.lead_rejected",
    leadId: work.lead.id,
    codes: result.errors.map((e) => e.code),
  });
  return failEntries(context, work.entries, syncType, result.errors);
}

async function writeChunk(context: SyncContext, works: LeadWork[]) {
  const writes = works.map(({ lead }) => ({
    leadId: lead.id,
    crmId: lead.crmExternalId,
    fields: mapLeadToCrmFields(lead, context.mappings, {
      nameOrder: context.nameOrder,
      fieldLengths: context.fieldLengths,
    }),
  }));
  let results: CrmWriteResult[];
  try {
    results = await context.client.upsertLeads(writes);
  } catch (error) {
    const entries = works.flatMap((work) => work.entries);
    return handleCallFailure(context, entries, "update", error, context.log);
  }
  for (const [index, work] of works.entries()) {
    const fields = Object.keys(writes[index]?.fields ?? {});
    await recordResult(context, work, results[index] as CrmWriteResult, fields);
  }
}

export async function syncLeadUpserts(context: SyncContext, entries: SyncOutbox[]) {
  if (entries.length === 0) return;
  const leadIds = [...new Set(entries.map((entry) => entry.leadId))];
  const leads = await context.db.lead.findMany({
    where: { id: { in: leadIds }, tenantId: context.tenantId },
  });
  const works: LeadWork[] = [];
  const obsolete: SyncOutbox[] = [];
  for (const lead of leads) {
    const leadEntries = entries.filter((entry) => entry.leadId === lead.id);
    if (lead.deletedAt) obsolete.push(...leadEntries);
    else works.push({ lead, entries: leadEntries });
  }
  if (obsolete.length > 0) {
    await context.db.$transaction((tx) =>
      completeOutboxEntries(
        tx,
        obsolete.map((e) => e.id),
      ),
    );
  }
  for (const part of chunk(works, context.client.maxBatchSize)) await writeChunk(context, part);
}
