import { recordAudit } from "@/lib/audit/audit-log";
import { TOKEN_REFRESH_MARGIN_SECONDS } from "@/lib/config/crm-limits";
import { CrmError } from "@/lib/crm/errors";
import { InvalidGrantError } from "@/lib/crm/oauth-types";
import type { CrmSession } from "@/lib/crm/session";
import { decryptSecret, encryptSecret } from "@/lib/crypto/token-cipher";
import type { PrismaClient } from "@/lib/db/generated/client";
import { requestTokenRefresh } from "@/lib/integrations/token-refresh";
import { logger } from "@/lib/logging/logger";

// Refresh is single-flight per integration across processes: the refresh runs while holding
// the integration's row lock, and a caller that waited re-reads the row and uses the winner's
// token instead of refreshing again (with rotation a second refresh would kill the first).

const inFlight = new Map<string, Promise<string>>();

const MARGIN_MS = TOKEN_REFRESH_MARGIN_SECONDS * 1000;

function needsRefreshSoon(expiresAt: Date | null, windowMs = MARGIN_MS): boolean {
  return expiresAt !== null && expiresAt.getTime() - Date.now() < windowMs;
}

async function refreshLocked(
  db: PrismaClient,
  integrationId: string,
  stale: string | null,
  windowMs: number,
) {
  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM crm_integrations WHERE id = ${integrationId}::uuid FOR UPDATE`;
      const row = await tx.crmIntegration.findUniqueOrThrow({ where: { id: integrationId } });
      if (
        row.authStatus !== "connected" ||
        !row.accessTokenEncrypted ||
        !row.refreshTokenEncrypted
      ) {
        throw new CrmError("reconnect_required", "The integration must be reconnected");
      }
      const current = decryptSecret(row.accessTokenEncrypted);
      // Someone refreshed while we waited for the lock: use their token.
      if (stale !== null && current !== stale && !needsRefreshSoon(row.expiresAt)) return current;
      if (stale === null && !needsRefreshSoon(row.expiresAt, windowMs)) return current;

      try {
        const tokens = await requestTokenRefresh(row, decryptSecret(row.refreshTokenEncrypted));
        await tx.crmIntegration.update({
          where: { id: integrationId },
          data: {
            accessTokenEncrypted: encryptSecret(tokens.accessToken),
            ...(tokens.refreshToken
              ? { refreshTokenEncrypted: encryptSecret(tokens.refreshToken) }
              : {}),
            expiresAt: tokens.expiresAt,
          },
        });
        logger.info({ event: "crm.token.refreshed", integrationId, crm: row.crmType });
        return tokens.accessToken;
      } catch (error) {
        if (!(error instanceof InvalidGrantError)) throw error;
        return { invalidGrant: true as const, tenantId: row.tenantId, crmType: row.crmType };
      }
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
}

async function markReconnectRequired(db: PrismaClient, integrationId: string, tenantId: string) {
  await db.$transaction(async (tx) => {
    await tx.crmIntegration.update({
      where: { id: integrationId },
      data: { authStatus: "reconnect_required" },
    });
    await recordAudit(tx, {
      tenantId,
      actorType: "system",
      action: "integration.refresh_failed",
      targetType: "crm_integration",
      targetId: integrationId,
      details: { reason: "invalid_grant" },
    });
  });
  logger.warn({ event: "crm.token.reconnect_required", integrationId, tenantId });
}

/**
 * Refreshes, or adopts another process's refresh. `stale` is the token the CRM rejected; null
 * means "refresh if the token expires within `windowMs`".
 */
export function refreshIntegrationToken(
  db: PrismaClient,
  integrationId: string,
  stale: string | null,
  options: { windowMs?: number } = {},
): Promise<string> {
  const key = `${integrationId}:${stale ?? "expiry"}`;
  const existing = inFlight.get(key);
  if (existing) return existing;
  const promise = (async () => {
    const outcome = await refreshLocked(db, integrationId, stale, options.windowMs ?? MARGIN_MS);
    if (typeof outcome === "string") return outcome;
    await markReconnectRequired(db, integrationId, outcome.tenantId);
    throw new CrmError("reconnect_required", "The CRM refused the refresh token; reconnect");
  })().finally(() => inFlight.delete(key));
  inFlight.set(key, promise);
  return promise;
}

export function createCrmSession(db: PrismaClient, integrationId: string): CrmSession {
  return {
    integrationId,
    async getAccessToken() {
      const row = await db.crmIntegration.findUniqueOrThrow({ where: { id: integrationId } });
      if (row.authStatus !== "connected" || !row.accessTokenEncrypted) {
        throw new CrmError("reconnect_required", "The integration must be reconnected");
      }
      if (needsRefreshSoon(row.expiresAt)) return refreshIntegrationToken(db, integrationId, null);
      return decryptSecret(row.accessTokenEncrypted);
    },
    refreshAfterRejection(staleToken) {
      return refreshIntegrationToken(db, integrationId, staleToken);
    },
  };
}
