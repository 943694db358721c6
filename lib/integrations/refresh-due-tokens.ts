import { TOKEN_REFRESH_MARGIN_SECONDS } from "@/lib/config/crm-limits";
import { isCrmError } from "@/lib/crm/errors";
import type { PrismaClient } from "@/lib/db/generated/client";
import { refreshIntegrationToken } from "@/lib/integrations/token-manager";
import { logger } from "@/lib/logging/logger";

// Refreshes access tokens that expire soon (HubSpot: every 30 minutes) before any sync needs
// them, so a burst of work never starts with a wave of 401s. Run by an Inngest cron, or by
// the inline worker when there is no Inngest.

const LOOKAHEAD_MS = 2 * TOKEN_REFRESH_MARGIN_SECONDS * 1000;

export async function refreshDueTokens(
  db: PrismaClient,
): Promise<{ refreshed: number; failed: number }> {
  const due = await db.crmIntegration.findMany({
    where: {
      authStatus: "connected",
      enabled: true,
      expiresAt: { not: null, lt: new Date(Date.now() + LOOKAHEAD_MS) },
    },
    select: { id: true, tenantId: true },
  });
  let refreshed = 0;
  let failed = 0;
  for (const integration of due) {
    try {
      await refreshIntegrationToken(db, integration.id, null, { windowMs: LOOKAHEAD_MS });
      refreshed += 1;
    } catch (error) {
      failed += 1;
      // reconnect_required is already recorded on the integration and in the audit log.
      if (!isCrmError(error, "reconnect_required")) {
        logger.warn({ event: "crm.token.scheduled_refresh_failed", ...integration, err: error });
      }
    }
  }
  return { refreshed, failed };
}
