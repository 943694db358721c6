import { getEnv } from "@/lib/config/env";
import type { Prisma, PrismaClient, SyncOutbox } from "@/lib/db/generated/client";

// The outbox: every lead change that must reach the CRM, written in the same transaction as
// the change. Workers claim due entries with SKIP LOCKED so processes never double-process.

export type OutboxOperation = "upsert" | "delete" | "assessment";

export async function enqueueSync(
  tx: Prisma.TransactionClient,
  entry: {
    tenantId: string;
    leadId: string;
    operation: OutboxOperation;
    assessmentResponseId?: string;
  },
): Promise<SyncOutbox> {
  return tx.syncOutbox.create({ data: entry });
}

interface ClaimFilter {
  limit: number;
  ids?: string[];
  tenantId?: string;
}

/** Locks due entries for this worker and counts the attempt. */
export async function claimOutboxEntries(
  db: PrismaClient,
  filter: ClaimFilter,
): Promise<SyncOutbox[]> {
  const ids = filter.ids ?? null;
  const tenantId = filter.tenantId ?? null;
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH due AS (
      SELECT o.id FROM sync_outbox o
      WHERE o.status = 'pending'
        AND (o.locked_until IS NULL OR o.locked_until < now())
        AND (${ids}::uuid[] IS NOT NULL OR o.next_attempt_at <= now())
        AND (${ids}::uuid[] IS NULL OR o.id = ANY(${ids}::uuid[]))
        AND (${tenantId}::uuid IS NULL OR o.tenant_id = ${tenantId}::uuid)
      ORDER BY o.created_at
      LIMIT ${filter.limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE sync_outbox s
    SET locked_until = now() + make_interval(secs => ${getEnv().SYNC_LOCK_SECONDS}),
        attempts = s.attempts + 1
    FROM due WHERE s.id = due.id
    RETURNING s.id`;
  if (rows.length === 0) return [];
  return db.syncOutbox.findMany({
    where: { id: { in: rows.map((row) => row.id) } },
    orderBy: { createdAt: "asc" },
  });
}

export function completeOutboxEntries(tx: Prisma.TransactionClient, ids: string[]) {
  return tx.syncOutbox.updateMany({
    where: { id: { in: ids } },
    data: { status: "done", completedAt: new Date(), lockedUntil: null, lastError: null },
  });
}

export function failOutboxEntries(tx: Prisma.TransactionClient, ids: string[], error: string) {
  return tx.syncOutbox.updateMany({
    where: { id: { in: ids } },
    data: { status: "failed", completedAt: new Date(), lockedUntil: null, lastError: error },
  });
}

/** Puts entries back for later; `countAttempt: false` when the wait was not their fault. */
export async function rescheduleOutboxEntries(
  db: PrismaClient | Prisma.TransactionClient,
  ids: string[],
  at: Date,
  options: { error?: string; countAttempt: boolean },
) {
  return db.syncOutbox.updateMany({
    where: { id: { in: ids } },
    data: {
      nextAttemptAt: at,
      lockedUntil: null,
      ...(options.error ? { lastError: options.error } : {}),
      ...(options.countAttempt ? {} : { attempts: { decrement: 1 } }),
    },
  });
}
