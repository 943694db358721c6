import { recordAudit } from "@/lib/audit/audit-log";
import { revokeHubSpotToken } from "@/lib/crm/hubspot/oauth";
import { revokeSalesforceToken } from "@/lib/crm/salesforce/oauth";
import type { CrmType } from "@/lib/crm/types";
import { decryptSecret } from "@/lib/crypto/token-cipher";
import type { CrmIntegration, PrismaClient } from "@/lib/db/generated/client";
import { findIntegration } from "@/lib/integrations/integration-lookup";
import { logger } from "@/lib/logging/logger";

// Disconnect: revoke at the CRM (best effort: a CRM that is down must not keep our copy of
// the tokens alive), wipe them here, keep the sync history. Pending leads wait in the outbox
// until a CRM is connected again.

async function revokeAtCrm(integration: CrmIntegration): Promise<boolean> {
  if (!integration.refreshTokenEncrypted) return false;
  const refreshToken = decryptSecret(integration.refreshTokenEncrypted);
  try {
    if (integration.crmType === "salesforce") {
      // Revoking the refresh token ends every access token issued from it.
      await revokeSalesforceToken(integration.loginUrl ?? "", refreshToken);
    } else {
      await revokeHubSpotToken(refreshToken);
    }
    return true;
  } catch (error) {
    logger.warn({ event: "integration.revoke_failed", integrationId: integration.id, err: error });
    return false;
  }
}

export async function disconnectIntegration(
  db: PrismaClient,
  tenantId: string,
  crmType: CrmType,
  actorUserId: string,
): Promise<{ revoked: boolean }> {
  const integration = await findIntegration(db, tenantId, crmType);
  const revoked = await revokeAtCrm(integration);
  await db.$transaction(async (tx) => {
    await tx.crmIntegration.update({
      where: { id: integration.id },
      data: {
        accessTokenEncrypted: null,
        refreshTokenEncrypted: null,
        expiresAt: null,
        authStatus: "disconnected",
      },
    });
    await recordAudit(tx, {
      tenantId,
      actorType: "user",
      actorId: actorUserId,
      action: "integration.disconnected",
      targetType: "crm_integration",
      targetId: integration.id,
      details: { crm: crmType, revokedAtCrm: revoked },
    });
  });
  return { revoked };
}
