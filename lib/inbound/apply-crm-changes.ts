import { z } from "zod";

import { recordAudit } from "@/lib/audit/audit-log";
import type { CrmLeadChange } from "@/lib/crm/types";
import type { CrmIntegration, Prisma, PrismaClient } from "@/lib/db/generated/client";

// CRM -> DiagnoLeads: a sales rep changed a lead's status or owner. Deliveries come at least
// once and out of order (webhooks, outbound messages, polling overlap), so each field only
// moves forward in CRM time, and a delivery already seen (its event key) is ignored.

export type InboundSource = "webhook" | "outbound_message" | "poll";

export interface InboundChange extends CrmLeadChange {
  /** The delivery's own id (HubSpot eventId, Salesforce notification Id), when it has one. */
  eventKey?: string;
}

export type ApplyOutcome = "applied" | "duplicate" | "stale" | "unknown_lead";

const uuid = z.uuid();

async function claimEvent(tx: Prisma.TransactionClient, integrationId: string, eventKey?: string) {
  if (!eventKey) return true;
  const inserted = await tx.crmInboundEvent.createMany({
    data: [{ integrationId, eventKey }],
    skipDuplicates: true,
  });
  return inserted.count === 1;
}

async function applyOne(
  tx: Prisma.TransactionClient,
  integration: CrmIntegration,
  change: InboundChange,
  source: InboundSource,
): Promise<ApplyOutcome> {
  if (!(await claimEvent(tx, integration.id, change.eventKey))) return "duplicate";
  const tenantId = integration.tenantId;
  const byLeadId =
    change.leadId && uuid.safeParse(change.leadId).success ? [{ id: change.leadId }] : [];
  const lead = await tx.lead.findFirst({
    where: { tenantId, deletedAt: null, OR: [...byLeadId, { crmExternalId: change.crmId }] },
  });
  if (!lead) return "unknown_lead";

  const newer = (last: Date | null) => !last || change.changedAt > last;
  const data: Prisma.LeadUncheckedUpdateInput = {};
  if (change.status && change.status !== lead.status && newer(lead.crmStatusChangedAt)) {
    Object.assign(data, { status: change.status, crmStatusChangedAt: change.changedAt });
  }
  if (
    change.ownerId !== undefined &&
    change.ownerId !== lead.owner &&
    newer(lead.crmOwnerChangedAt)
  ) {
    Object.assign(data, { owner: change.ownerId, crmOwnerChangedAt: change.changedAt });
  }
  const fields = Object.keys(data).filter((key) => key === "status" || key === "owner");
  if (fields.length === 0) return "stale";

  await tx.lead.updateMany({ where: { id: lead.id, tenantId }, data });
  await tx.crmSyncLog.create({
    data: {
      integrationId: integration.id,
      leadId: lead.id,
      syncType: "update",
      direction: "from_crm",
      status: "success",
      crmRecordId: change.crmId,
      fieldsSynced: fields,
      syncedAt: new Date(),
    },
  });
  await recordAudit(tx, {
    tenantId,
    actorType: "crm",
    actorId: integration.externalAccountId,
    action: "lead.updated_from_crm",
    targetType: "lead",
    targetId: lead.id,
    details: {
      source,
      crm: integration.crmType,
      fields,
      changedAt: change.changedAt.toISOString(),
    },
  });
  return "applied";
}

/** Applies changes in CRM-time order; returns how each one ended. */
export async function applyCrmChanges(
  db: PrismaClient,
  integration: CrmIntegration,
  changes: InboundChange[],
  source: InboundSource,
): Promise<ApplyOutcome[]> {
  const ordered = [...changes].sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime());
  const outcomes: ApplyOutcome[] = [];
  for (const change of ordered) {
    outcomes.push(await db.$transaction((tx) => applyOne(tx, integration, change, source)));
  }
  return outcomes;
}
