import { notFound } from "@/lib/api/errors";
import type { Lead, Prisma, PrismaClient } from "@/lib/db/generated/client";
import type {
  AssessmentResponseInput,
  LeadCreateInput,
  LeadUpdateInput,
} from "@/lib/leads/lead-schemas";
import { requestSync } from "@/lib/sync/dispatch";
import { enqueueSync } from "@/lib/sync/outbox";

// Lead changes and the outbox entry that carries them to the CRM commit together: an
// accepted change survives a crash right after the answer. The tenant id is in every where.

function toLeadData(input: LeadUpdateInput): Prisma.LeadUncheckedUpdateInput {
  return {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.email !== undefined && { email: input.email ?? null }),
    ...(input.company !== undefined && { company: input.company ?? null }),
    ...(input.phone !== undefined && { phone: input.phone ?? null }),
    ...(input.score !== undefined && { score: input.score }),
    ...(input.priority_level !== undefined && { priorityLevel: input.priority_level }),
    ...(input.detected_challenges !== undefined && {
      detectedChallenges: input.detected_challenges as Prisma.InputJsonValue,
    }),
    ...(input.status !== undefined && { status: input.status }),
    ...(input.owner !== undefined && { owner: input.owner ?? null }),
  };
}

/** Inserts a lead and its outbox entry inside the caller's transaction (no dispatch). */
export async function insertLead(
  tx: Prisma.TransactionClient,
  tenantId: string,
  input: LeadCreateInput,
) {
  const data = toLeadData(input) as Prisma.LeadUncheckedCreateInput;
  const lead = await tx.lead.create({ data: { ...data, tenantId, crmSyncStatus: "pending" } });
  const entry = await enqueueSync(tx, { tenantId, leadId: lead.id, operation: "upsert" });
  return { lead, entry };
}

export async function createLead(db: PrismaClient, tenantId: string, input: LeadCreateInput) {
  const { lead, entry } = await db.$transaction((tx) => insertLead(tx, tenantId, input));
  await requestSync([entry]);
  return lead;
}

export async function findLead(db: PrismaClient, tenantId: string, leadId: string): Promise<Lead> {
  const lead = await db.lead.findFirst({ where: { id: leadId, tenantId, deletedAt: null } });
  if (!lead) throw notFound("Lead");
  return lead;
}

export async function updateLead(
  db: PrismaClient,
  tenantId: string,
  leadId: string,
  input: LeadUpdateInput,
) {
  const { lead, entry } = await db.$transaction(async (tx) => {
    const { count } = await tx.lead.updateMany({
      where: { id: leadId, tenantId, deletedAt: null },
      data: {
        ...toLeadData(input),
        crmSyncStatus: "pending",
        updatedAt: new Date(),
      } as Prisma.LeadUpdateManyMutationInput,
    });
    if (count === 0) throw notFound("Lead");
    const outbox = await enqueueSync(tx, { tenantId, leadId, operation: "upsert" });
    const updated = await tx.lead.findFirstOrThrow({ where: { id: leadId, tenantId } });
    return { lead: updated, entry: outbox };
  });
  await requestSync([entry]);
  return lead;
}

/** Soft delete: the row stays until the CRM record is deleted, then the history keeps it. */
export async function deleteLead(db: PrismaClient, tenantId: string, leadId: string) {
  const entry = await db.$transaction(async (tx) => {
    const { count } = await tx.lead.updateMany({
      where: { id: leadId, tenantId, deletedAt: null },
      data: { deletedAt: new Date(), crmSyncStatus: "pending", updatedAt: new Date() },
    });
    if (count === 0) throw notFound("Lead");
    return enqueueSync(tx, { tenantId, leadId, operation: "delete" });
  });
  await requestSync([entry]);
}

export async function recordAssessmentResponse(
  db: PrismaClient,
  tenantId: string,
  leadId: string,
  input: AssessmentResponseInput,
) {
  const { response, entry } = await db.$transaction(async (tx) => {
    const lead = await tx.lead.findFirst({ where: { id: leadId, tenantId, deletedAt: null } });
    if (!lead) throw notFound("Lead");
    const created = await tx.assessmentResponse.create({
      data: {
        tenantId,
        leadId,
        assessmentName: input.assessment_name,
        answers: input.answers,
        score: input.score ?? null,
        completedAt: input.completed_at ? new Date(input.completed_at) : new Date(),
      },
    });
    const outbox = await enqueueSync(tx, {
      tenantId,
      leadId,
      operation: "assessment",
      assessmentResponseId: created.id,
    });
    return { response: created, entry: outbox };
  });
  await requestSync([entry]);
  return response;
}

export async function listLeads(
  db: PrismaClient,
  tenantId: string,
  options: { limit: number; cursor?: string },
) {
  const leads = await db.lead.findMany({
    where: { tenantId, deletedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit + 1,
    ...(options.cursor ? { cursor: { id: options.cursor }, skip: 1 } : {}),
  });
  const hasMore = leads.length > options.limit;
  const page = hasMore ? leads.slice(0, options.limit) : leads;
  return { leads: page, nextCursor: hasMore ? (page.at(-1)?.id ?? null) : null };
}
