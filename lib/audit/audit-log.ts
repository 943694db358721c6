import type { Prisma } from "@/lib/db/generated/client";

type AuditWriter = {
  auditLog: { create(args: { data: Prisma.AuditLogUncheckedCreateInput }): unknown };
};

export interface AuditEntry {
  tenantId: string;
  actorType: "user" | "api_key" | "crm" | "system";
  actorId?: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Prisma.InputJsonValue;
}

/** Writes one audit record; pass a transaction client to make it part of the change. */
export async function recordAudit(db: AuditWriter, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({ data: { ...entry, actorId: entry.actorId ?? null } });
}
