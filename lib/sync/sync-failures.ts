import { recordAudit } from "@/lib/audit/audit-log";
import { SYNC_MAX_ATTEMPTS, PAUSED_RECHECK_MS, retryDelayMs } from "@/lib/config/sync-policy";
import { CrmError } from "@/lib/crm/errors";
import type { CrmErrorDetail } from "@/lib/crm/types";
import type { Prisma, PrismaClient, SyncOutbox } from "@/lib/db/generated/client";
import type { Logger } from "@/lib/logging/logger";
import { retriesOf, writeSyncLog, type SyncContext } from "@/lib/sync/sync-context";
import { failOutboxEntries, rescheduleOutboxEntries } from "@/lib/sync/outbox";

// What happens to outbox entries when the CRM did not take them.

function leadIdsOf(entries: SyncOutbox[]): string[] {
  return [...new Set(entries.map((entry) => entry.leadId))];
}

/** Waiting is not failing: no attempt is counted and the leads show "waiting". */
export async function pauseEntries(db: PrismaClient, entries: SyncOutbox[], reason: string) {
  await db.$transaction(async (tx) => {
    await rescheduleOutboxEntries(
      tx,
      entries.map((e) => e.id),
      new Date(Date.now() + PAUSED_RECHECK_MS),
      {
        error: reason,
        countAttempt: false,
      },
    );
    await tx.lead.updateMany({
      where: { id: { in: leadIdsOf(entries) }, tenantId: entries[0]?.tenantId },
      data: { crmSyncStatus: "waiting" },
    });
  });
}

/** Gives up on entries: the failure is logged with every CRM error and shown on the lead. */
export async function failEntries(
  context: SyncContext,
  entries: SyncOutbox[],
  syncType: "create" | "update" | "delete",
  details: CrmErrorDetail[],
  tx?: Prisma.TransactionClient,
) {
  const message = details.map((d) => `${d.code}: ${d.message}`).join("; ");
  const run = async (client: Prisma.TransactionClient) => {
    await failOutboxEntries(
      client,
      entries.map((e) => e.id),
      message,
    );
    for (const leadId of leadIdsOf(entries)) {
      await writeSyncLog(client, context, {
        leadId,
        syncType,
        status: "failed",
        errorMessage: message,
        errorDetails: details as unknown as Prisma.InputJsonValue,
        retryCount: retriesOf(entries),
      });
    }
    await client.lead.updateMany({
      where: { id: { in: leadIdsOf(entries) }, tenantId: context.tenantId },
      data: { crmSyncStatus: "failed" },
    });
  };
  if (tx) await run(tx);
  else await context.db.$transaction(run);
}

/** Retries later with backoff, or fails for good once the attempts are used up. */
export async function retryOrFail(
  context: SyncContext,
  entries: SyncOutbox[],
  syncType: "create" | "update" | "delete",
  details: CrmErrorDetail[],
) {
  const attempts = Math.max(...entries.map((entry) => entry.attempts));
  if (attempts >= SYNC_MAX_ATTEMPTS) {
    await failEntries(context, entries, syncType, details);
    return;
  }
  const at = new Date(Date.now() + retryDelayMs(attempts));
  const message = details.map((d) => `${d.code}: ${d.message}`).join("; ");
  await rescheduleOutboxEntries(
    context.db,
    entries.map((e) => e.id),
    at,
    {
      error: message,
      countAttempt: true,
    },
  );
  await context.db.lead.updateMany({
    where: { id: { in: leadIdsOf(entries) }, tenantId: context.tenantId },
    data: { crmSyncStatus: "retrying" },
  });
}

/**
 * The org's daily API allocation is used up: hold every pending entry of the tenant (not just
 * these) until the allocation recovers, instead of spending calls that will all be refused,
 * and say so once in the audit log.
 */
async function pauseForQuota(
  context: SyncContext,
  entries: SyncOutbox[],
  error: CrmError,
  log: Logger,
) {
  const resumeAt = new Date(Date.now() + (error.retryAfterMs ?? 60 * 60_000));
  await context.db.$transaction(async (tx) => {
    await rescheduleOutboxEntries(
      tx,
      entries.map((e) => e.id),
      resumeAt,
      {
        error: error.message,
        countAttempt: false,
      },
    );
    const held = await tx.syncOutbox.updateMany({
      where: { tenantId: context.tenantId, status: "pending", nextAttemptAt: { lt: resumeAt } },
      data: { nextAttemptAt: resumeAt },
    });
    await recordAudit(tx, {
      tenantId: context.tenantId,
      actorType: "system",
      action: "integration.quota_exhausted",
      targetType: "crm_integration",
      targetId: context.integration.id,
      details: { resumeAt: resumeAt.toISOString(), held: held.count + entries.length },
    });
  });
  log.error({ event: "sync.quota_exhausted", resumeAt: resumeAt.toISOString() });
}

/** A whole CRM call failed: decide by the error's kind. */
export async function handleCallFailure(
  context: SyncContext,
  entries: SyncOutbox[],
  syncType: "create" | "update" | "delete",
  error: unknown,
  log: Logger,
) {
  const crmError = error instanceof CrmError ? error : new CrmError("transient", String(error));
  log.warn({
    event: "sync.call_failed",
    kind: crmError.kind,
    entries: entries.length,
    err: crmError.message,
  });
  const details = crmError.details.length
    ? crmError.details
    : [{ code: crmError.kind, message: crmError.message }];
  switch (crmError.kind) {
    case "reconnect_required":
      return pauseEntries(context.db, entries, "reconnect required");
    case "quota_exhausted":
      return pauseForQuota(context, entries, crmError, log);
    case "rate_limited": {
      const at = new Date(Date.now() + (crmError.retryAfterMs ?? 10_000));
      return rescheduleOutboxEntries(
        context.db,
        entries.map((e) => e.id),
        at,
        {
          error: crmError.message,
          countAttempt: false,
        },
      );
    }
    case "invalid_data":
    case "not_found":
      return failEntries(context, entries, syncType, details);
    default:
      return retryOrFail(context, entries, syncType, details);
  }
}
