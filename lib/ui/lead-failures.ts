import { getPrisma } from "@/lib/db/client";
import { shownErrorsOf } from "@/lib/ui/sync-log-view";

/** Why a lead's last sync failed: the first CRM error of its latest failed sync log. */
export interface LeadFailure {
  code: string;
  summary: string;
  message: string;
}
export type LeadFailures = Record<string, LeadFailure>;

// Enough for every failed lead an admin pages through; older ones still link to the sync log.
const FAILED_LEADS_LIMIT = 200;
// Retries can leave several failed logs per lead; only the newest of each is used.
const FAILED_LOGS_LIMIT = 1_000;

/**
 * The leads API does not carry sync errors, so the leads page reads them here, server-side.
 * Only leads that are failed now are looked up: a later success makes an old error irrelevant.
 */
export async function loadLeadFailures(tenantId: string): Promise<LeadFailures> {
  const db = getPrisma();
  const integration = await db.crmIntegration.findUnique({
    where: { tenantId },
    select: { id: true },
  });
  if (!integration) return {};

  const failedLeads = await db.lead.findMany({
    where: { tenantId, crmSyncStatus: "failed" },
    orderBy: { updatedAt: "desc" },
    take: FAILED_LEADS_LIMIT,
    select: { id: true },
  });
  if (failedLeads.length === 0) return {};

  const logs = await db.crmSyncLog.findMany({
    where: {
      integrationId: integration.id,
      integration: { tenantId },
      lead: { tenantId },
      leadId: { in: failedLeads.map((lead) => lead.id) },
      status: "failed",
    },
    orderBy: { createdAt: "desc" },
    take: FAILED_LOGS_LIMIT,
    select: { leadId: true, errorDetails: true, errorMessage: true },
  });

  const failures: LeadFailures = {};
  for (const log of logs) {
    if (!log.leadId || failures[log.leadId]) continue;
    const first = shownErrorsOf(log.errorDetails, log.errorMessage)[0];
    if (first) {
      failures[log.leadId] = { code: first.code, summary: first.summary, message: first.message };
    }
  }
  return failures;
}
