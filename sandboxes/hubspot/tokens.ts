import { randomToken } from "../shared/random";
import type { HubSpotStore } from "./store";

export function issueHsTokens(
  store: HubSpotStore,
  portalId: number,
  scopes: string[],
  refreshToken?: string,
) {
  const refresh = refreshToken ?? `na1-${randomToken(24)}`;
  if (!refreshToken) store.state.refreshTokens[refresh] = { portalId, scopes, active: true };
  const access = `CN${randomToken(48)}`;
  const lifetime = store.settings.accessTokenLifetimeSeconds;
  store.state.accessTokens[access] = {
    portalId,
    scopes,
    refreshToken: refresh,
    expiresAt: Date.now() + lifetime * 1000,
  };
  return {
    token_type: "bearer",
    refresh_token: refresh,
    access_token: access,
    expires_in: lifetime,
  };
}

export function revokeRefreshToken(store: HubSpotStore, token: string): boolean {
  const grant = store.state.refreshTokens[token];
  if (!grant || !grant.active) return false;
  grant.active = false;
  for (const [access, meta] of Object.entries(store.state.accessTokens)) {
    if (meta.refreshToken === token) delete store.state.accessTokens[access];
  }
  return true;
}

export function revokeAllHs(store: HubSpotStore) {
  Object.values(store.state.refreshTokens).forEach((g) => {
    g.active = false;
  });
  store.state.accessTokens = {};
}

export function expireAllHs(store: HubSpotStore) {
  Object.values(store.state.accessTokens).forEach((t) => {
    t.expiresAt = 0;
  });
}
