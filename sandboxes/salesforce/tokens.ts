import { createHmac, randomUUID } from "node:crypto";
import { randomToken } from "../shared/random";
import type { SfOrg } from "./orgs";
import type { SalesforceStore } from "./store";

export type TokenResponse = {
  access_token: string;
  refresh_token?: string;
  signature: string;
  scope: string;
  instance_url: string;
  id: string;
  token_type: "Bearer";
  issued_at: string;
};

export function loginUrlOf(store: SalesforceStore, org: SfOrg): string {
  return org.role === "sandbox" ? store.settings.testLoginUrl : store.settings.loginUrl;
}

// Salesforce answers without expires_in: clients only learn of expiry from a 401.
export function issueTokens(
  store: SalesforceStore,
  org: SfOrg,
  clientId: string,
  scope: string,
  familyId: string = randomUUID(),
  withRefresh = true,
): TokenResponse {
  const accessToken = `${org.id.slice(0, 15)}!${randomToken(36)}`;
  const issuedAt = String(Date.now());
  store.state.sessions[accessToken] = {
    orgId: org.id,
    clientId,
    scope,
    familyId,
    expiresAt: Date.now() + store.settings.sessionLifetimeSeconds * 1000,
  };

  const id = `${loginUrlOf(store, org)}/id/${org.id}/${org.userId}`;
  const response: TokenResponse = {
    access_token: accessToken,
    signature: createHmac("sha256", store.settings.clientSecret)
      .update(id + issuedAt)
      .digest("base64"),
    scope,
    instance_url: store.settings.instanceUrl,
    id,
    token_type: "Bearer",
    issued_at: issuedAt,
  };
  if (withRefresh) {
    const refreshToken = `5Aep${randomToken(40)}`;
    store.state.refreshTokens[refreshToken] = {
      orgId: org.id,
      clientId,
      scope,
      familyId,
      active: true,
    };
    response.refresh_token = refreshToken;
  }
  return response;
}

export function revokeToken(store: SalesforceStore, token: string): boolean {
  const refresh = store.state.refreshTokens[token];
  const session = store.state.sessions[token];
  if (refresh) {
    endFamily(store, refresh.familyId);
    return true;
  }
  if (session) {
    delete store.state.sessions[token];
    return true;
  }
  return false;
}

function endFamily(store: SalesforceStore, familyId: string) {
  for (const grant of Object.values(store.state.refreshTokens)) {
    if (grant.familyId === familyId) grant.active = false;
  }
  for (const [token, session] of Object.entries(store.state.sessions)) {
    if (session.familyId === familyId) delete store.state.sessions[token];
  }
}

export function revokeAll(store: SalesforceStore) {
  for (const grant of Object.values(store.state.refreshTokens)) grant.active = false;
  store.state.sessions = {};
}

export function expireAllSessions(store: SalesforceStore) {
  for (const session of Object.values(store.state.sessions)) session.expiresAt = 0;
}
