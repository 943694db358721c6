import { OAuth2 } from "jsforce";
import { z } from "zod";

import { getEnv } from "@/lib/config/env";
import { CrmError } from "@/lib/crm/errors";
import { InvalidGrantError, type CrmAccountInfo, type CrmTokenSet } from "@/lib/crm/oauth-types";

// Salesforce OAuth 2.0 web-server flow with PKCE. The token response has no expires_in;
// every API call goes to instance_url, refreshes go to the login host the org used.

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  instance_url: z.url(),
  id: z.url(),
});

export type SalesforceLoginKind = "production" | "sandbox" | "custom";

export function salesforceLoginUrl(kind: SalesforceLoginKind, customUrl?: string): string {
  const env = getEnv();
  if (kind === "sandbox") return env.SALESFORCE_SANDBOX_LOGIN_URL;
  if (kind === "custom" && customUrl) return customUrl;
  return env.SALESFORCE_LOGIN_URL;
}

function oauthClient(loginUrl: string, redirectUri?: string): OAuth2 {
  const env = getEnv();
  return new OAuth2({
    loginUrl,
    clientId: env.SALESFORCE_CLIENT_ID,
    clientSecret: env.SALESFORCE_CLIENT_SECRET,
    redirectUri,
  });
}

export function buildSalesforceAuthorizeUrl(input: {
  loginUrl: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
}): string {
  return oauthClient(input.loginUrl, input.redirectUri).getAuthorizationUrl({
    state: input.state,
    code_challenge: input.codeChallenge,
    code_challenge_method: "S256",
    scope: "api refresh_token",
  });
}

function oauthErrorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}

function toTokenSet(raw: unknown): CrmTokenSet & CrmAccountInfo {
  const token = tokenResponseSchema.parse(raw);
  const [orgId, userId] = new URL(token.id).pathname.split("/").slice(-2);
  return {
    accessToken: token.access_token,
    refreshToken: token.refresh_token ?? null,
    instanceUrl: token.instance_url.replace(/\/$/, ""),
    expiresAt: null,
    externalAccountId: orgId ?? "",
    crmUserId: userId ?? null,
  };
}

export async function exchangeSalesforceCode(input: {
  loginUrl: string;
  redirectUri: string;
  code: string;
  codeVerifier: string;
}): Promise<CrmTokenSet & CrmAccountInfo> {
  const client = oauthClient(input.loginUrl, input.redirectUri);
  try {
    return toTokenSet(await client.requestToken(input.code, { code_verifier: input.codeVerifier }));
  } catch (error) {
    if (oauthErrorName(error) === "invalid_grant") throw new InvalidGrantError();
    throw new CrmError("transient", "Salesforce token exchange failed");
  }
}

export async function refreshSalesforceToken(
  loginUrl: string,
  refreshToken: string,
): Promise<CrmTokenSet> {
  try {
    return toTokenSet(await oauthClient(loginUrl).refreshToken(refreshToken));
  } catch (error) {
    if (oauthErrorName(error) === "invalid_grant") throw new InvalidGrantError();
    throw new CrmError("transient", "Salesforce token refresh failed");
  }
}

export async function revokeSalesforceToken(loginUrl: string, token: string): Promise<void> {
  await oauthClient(loginUrl).revokeToken(token);
}
