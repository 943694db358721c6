import { ApiError } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/audit-log";
import { getEnv } from "@/lib/config/env";
import { randomToken, sha256Hex } from "@/lib/crypto/hashing";
import type { PrismaClient } from "@/lib/db/generated/client";
import { findIntegration } from "@/lib/integrations/integration-lookup";

/**
 * A new endpoint URL for the tenant's Salesforce outbound message. The secret in it is stored
 * only as a hash and shown once; issuing a new one invalidates the previous URL.
 */
export async function issueOutboundMessageUrl(db: PrismaClient, tenantId: string, userId: string) {
  const integration = await findIntegration(db, tenantId, "salesforce");
  if (integration.authStatus !== "connected") {
    throw new ApiError("conflict", "Connect Salesforce before creating an outbound message URL");
  }
  const token = randomToken(32);
  await db.$transaction(async (tx) => {
    await tx.crmIntegration.update({
      where: { id: integration.id },
      data: { webhookTokenHash: sha256Hex(token) },
    });
    await recordAudit(tx, {
      tenantId,
      actorType: "user",
      actorId: userId,
      action: "integration.outbound_url_issued",
      targetType: "crm_integration",
      targetId: integration.id,
    });
  });
  const url = new URL("/api/v1/webhooks/salesforce", getEnv().APP_URL);
  url.searchParams.set("token", token);
  return url.toString();
}
