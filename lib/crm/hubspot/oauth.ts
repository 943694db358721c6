import { Client } from "@hubspot/api-client";

import { HUBSPOT_SCOPES } from "@/lib/config/crm-limits";
import { getEnv } from "@/lib/config/env";
import { CrmError } from "@/lib/crm/errors";
import { hubSpotErrorBody } from "@/lib/crm/hubspot/errors";
import { InvalidGrantError, type CrmAccountInfo, type CrmTokenSet } from "@/lib/crm/oauth-types";

// HubSpot OAuth. The client library always builds app.hubspot.com authorize URLs, so the URL
// is built here from configuration (the sandbox locally, HubSpot in production).

function apiClient(accessToken?: string): Client {
  return new Client({
    basePath: getEnv().HUBSPOT_API_URL,
    ...(accessToken ? { accessToken } : {}),
  });
}

export function buildHubSpotAuthorizeUrl(input: { redirectUri: string; state: string }): string {
  const env = getEnv();
  const url = new URL(env.HUBSPOT_AUTHORIZE_URL);
  url.searchParams.set("client_id", env.HUBSPOT_CLIENT_ID);
  url.searchParams.set("redirect_uri", input.redirectUri);
  url.searchParams.set("scope", HUBSPOT_SCOPES.join(" "));
  url.searchParams.set("state", input.state);
  return url.toString();
}

function isInvalidGrant(error: unknown): boolean {
  const body = hubSpotErrorBody(error) as { status?: string; error?: string; message?: string };
  return (
    body.status === "BAD_REFRESH_TOKEN" ||
    body.error === "invalid_grant" ||
    body.status === "BAD_AUTH_CODE"
  );
}

async function requestTokens(
  grant:
    | { grantType: "authorization_code"; code: string; redirectUri: string }
    | {
        grantType: "refresh_token";
        refreshToken: string;
      },
): Promise<CrmTokenSet> {
  const env = getEnv();
  try {
    const token = await apiClient().oauth.tokensApi.create(
      grant.grantType,
      grant.grantType === "authorization_code" ? grant.code : undefined,
      grant.grantType === "authorization_code" ? grant.redirectUri : undefined,
      env.HUBSPOT_CLIENT_ID,
      env.HUBSPOT_CLIENT_SECRET,
      grant.grantType === "refresh_token" ? grant.refreshToken : undefined,
    );
    return {
      accessToken: token.accessToken,
      refreshToken: token.refreshToken ?? null,
      instanceUrl: null,
      expiresAt: new Date(Date.now() + token.expiresIn * 1000),
    };
  } catch (error) {
    if (isInvalidGrant(error)) throw new InvalidGrantError();
    throw new CrmError("transient", `HubSpot token request failed (${grant.grantType})`);
  }
}

export async function exchangeHubSpotCode(input: {
  code: string;
  redirectUri: string;
}): Promise<CrmTokenSet & CrmAccountInfo> {
  const tokens = await requestTokens({ grantType: "authorization_code", ...input });
  const info = await apiClient().oauth.accessTokensApi.get(tokens.accessToken);
  return { ...tokens, externalAccountId: String(info.hubId), crmUserId: String(info.userId ?? "") };
}

export function refreshHubSpotToken(refreshToken: string): Promise<CrmTokenSet> {
  return requestTokens({ grantType: "refresh_token", refreshToken });
}

export async function revokeHubSpotToken(refreshToken: string): Promise<void> {
  await apiClient().oauth.refreshTokensApi.archive(refreshToken);
}
