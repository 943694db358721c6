import type { CrmClient, CrmType } from "@/lib/crm/types";
import type { CrmIntegration, Prisma, PrismaClient, SyncOutbox } from "@/lib/db/generated/client";
import type { Logger } from "@/lib/logging/logger";
import type { FieldMapping } from "@/lib/mapping/field-mappings";
import type { NameOrder } from "@/lib/mapping/names";

export interface SyncContext {
  db: PrismaClient;
  tenantId: string;
  integration: CrmIntegration;
  crmType: CrmType;
  client: CrmClient;
  mappings: FieldMapping[];
  nameOrder: NameOrder;
  fieldLengths: Record<string, number>;
  log: Logger;
}

export interface SyncLogInput {
  leadId: string | null;
  syncType: "create" | "update" | "delete";
  status: "success" | "failed";
  crmRecordId?: string | null;
  fieldsSynced?: Prisma.InputJsonValue;
  errorMessage?: string;
  errorDetails?: Prisma.InputJsonValue;
  retryCount: number;
}

export function writeSyncLog(
  tx: Prisma.TransactionClient,
  context: Pick<SyncContext, "integration">,
  input: SyncLogInput,
) {
  return tx.crmSyncLog.create({
    data: {
      integrationId: context.integration.id,
      direction: "to_crm",
      ...input,
      syncedAt: input.status === "success" ? new Date() : null,
    },
  });
}

/** Attempts already made before the current one. */
export function retriesOf(entries: SyncOutbox[]): number {
  return Math.max(0, ...entries.map((entry) => entry.attempts - 1));
}
