import type { Lead } from "@/lib/db/generated/client";

/** The API representation of a lead (snake_case, as the specification writes fields). */
export function toLeadResponse(lead: Lead) {
  return {
    id: lead.id,
    tenant_id: lead.tenantId,
    name: lead.name,
    email: lead.email,
    company: lead.company,
    phone: lead.phone,
    score: lead.score,
    priority_level: lead.priorityLevel,
    detected_challenges: lead.detectedChallenges,
    status: lead.status,
    owner: lead.owner,
    crm_external_id: lead.crmExternalId,
    crm_sync_status: lead.crmSyncStatus,
    crm_synced_at: lead.crmSyncedAt?.toISOString() ?? null,
    created_at: lead.createdAt.toISOString(),
    updated_at: lead.updatedAt.toISOString(),
  };
}
