import { recordAudit } from "@/lib/audit/audit-log";
import { exchangeHubSpotCode } from "@/lib/crm/hubspot/oauth";
import type { CrmAccountInfo, CrmTokenSet } from "@/lib/crm/oauth-types";
import { exchangeSalesforceCode } from "@/lib/crm/salesforce/oauth";
import type { CrmType } from "@/lib/crm/types";
import { encryptSecret } from "@/lib/crypto/token-cipher";
import type { OAuthState, Prisma, PrismaClient } from "@/lib/db/generated/client";
import { INTEGRATIONS_PAGE, oauthCallbackUrl } from "@/lib/integrations/connect";
import { prepareCrmAccount } from "@/lib/integrations/crm-setup";
import { consumeOAuthState, type StateProblem } from "@/lib/integrations/oauth-state";
import { logger } from "@/lib/logging/logger";
import { defaultFieldMappings } from "@/lib/mapping/field-mappings";
import { requestSync } from "@/lib/sync/dispatch";

// The OAuth callback. Any failure stores nothing and sends the admin back to the
// integrations page with a specific reason code the page explains.

export type ConnectProblem = StateProblem | "denied" | "code_missing" | "exchange_failed";

export interface CallbackInput {
  crmType: CrmType;
  code: string | null;
  state: string | null;
  error: string | null;
  userId: string | null;
}

function returnUrl(path: string, params: Record<string, string>): string {
  const url = new URL(path, "http://placeholder");
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return `${url.pathname}${url.search}`;
}

async function exchangeCode(row: OAuthState, code: string, codeVerifier: string) {
  const crmType = row.crmType as CrmType;
  const redirectUri = oauthCallbackUrl(crmType);
  if (crmType === "salesforce") {
    return exchangeSalesforceCode({
      loginUrl: row.loginUrl ?? "",
      redirectUri,
      code,
      codeVerifier,
    });
  }
  return exchangeHubSpotCode({ code, redirectUri });
}

/** Another CRM or account: the old record ids mean nothing there, so every lead goes again. */
async function queueFullResync(tx: Prisma.TransactionClient, tenantId: string) {
  await tx.lead.updateMany({
    where: { tenantId },
    data: { crmExternalId: null, crmSyncStatus: "pending", crmSyncedAt: null },
  });
  const leads = await tx.lead.findMany({
    where: { tenantId, deletedAt: null },
    select: { id: true },
  });
  await tx.syncOutbox.createMany({
    data: leads.map((lead) => ({ tenantId, leadId: lead.id, operation: "upsert" })),
  });
}

async function saveIntegration(
  db: PrismaClient,
  row: OAuthState,
  tokens: CrmTokenSet & CrmAccountInfo,
) {
  const data = {
    crmType: row.crmType,
    enabled: true,
    authStatus: "connected",
    accessTokenEncrypted: encryptSecret(tokens.accessToken),
    refreshTokenEncrypted: tokens.refreshToken ? encryptSecret(tokens.refreshToken) : null,
    instanceUrl: tokens.instanceUrl,
    loginUrl: row.loginUrl,
    expiresAt: tokens.expiresAt,
    externalAccountId: tokens.externalAccountId,
    connectedByUserId: row.userId,
  };
  return db.$transaction(async (tx) => {
    const previous = await tx.crmIntegration.findUnique({ where: { tenantId: row.tenantId } });
    // Another CRM's field names mean nothing here: start from this CRM's default mapping.
    const crmChanged = previous !== null && previous.crmType !== row.crmType;
    const integration = await tx.crmIntegration.upsert({
      where: { tenantId: row.tenantId },
      create: { tenantId: row.tenantId, ...data },
      update: {
        ...data,
        ...(crmChanged ? { fieldMappings: defaultFieldMappings(row.crmType as CrmType) } : {}),
      },
    });
    const switched =
      previous &&
      (previous.crmType !== row.crmType || previous.externalAccountId !== tokens.externalAccountId);
    if (switched) await queueFullResync(tx, row.tenantId);
    await recordAudit(tx, {
      tenantId: row.tenantId,
      actorType: "user",
      actorId: row.userId,
      action: previous ? "integration.reconnected" : "integration.connected",
      targetType: "crm_integration",
      targetId: integration.id,
      details: { crm: row.crmType, account: tokens.externalAccountId },
    });
    return integration;
  });
}

/** Returns the path to send the admin to. */
export async function completeConnect(db: PrismaClient, input: CallbackInput): Promise<string> {
  const fail = (problem: ConnectProblem, path = INTEGRATIONS_PAGE) =>
    returnUrl(path, { crm: input.crmType, error: problem });
  const consumed = await consumeOAuthState(db, {
    state: input.state,
    crmType: input.crmType,
    userId: input.userId,
  });
  if (!consumed.ok) return fail(consumed.problem, consumed.row?.redirectUri);
  const { row, codeVerifier } = consumed;
  if (input.error) return fail("denied", row.redirectUri);
  if (!input.code) return fail("code_missing", row.redirectUri);

  let tokens: CrmTokenSet & CrmAccountInfo;
  try {
    tokens = await exchangeCode(row, input.code, codeVerifier);
  } catch (error) {
    logger.warn({
      event: "integration.code_exchange_failed",
      tenantId: row.tenantId,
      crm: row.crmType,
      err: error,
    });
    return fail("exchange_failed", row.redirectUri);
  }
  const integration = await saveIntegration(db, row, tokens);
  await prepareCrmAccount(db, integration);

  // Everything that waited for a connection (first connect or reconnect) goes now.
  const waiting = await db.syncOutbox.findMany({
    where: { tenantId: row.tenantId, status: "pending" },
    select: { id: true, tenantId: true },
  });
  await db.syncOutbox.updateMany({
    where: { tenantId: row.tenantId, status: "pending" },
    data: { nextAttemptAt: new Date() },
  });
  await requestSync(waiting);
  return returnUrl(row.redirectUri, { crm: input.crmType, connected: "1" });
}
