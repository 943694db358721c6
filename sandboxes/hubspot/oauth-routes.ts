import { http, type RequestHandler } from "msw";
import { z } from "zod";
import { readFormFields } from "../shared/form";
import { randomToken, sleep } from "../shared/random";
import { HS_CONFIG } from "./config";
import { hsError, oauthFailure } from "./errors";
import { approvalPage, authorizeErrorPage } from "./oauth-page";
import type { HubSpotStore } from "./store";
import { issueHsTokens, revokeRefreshToken } from "./tokens";

const authorizeQuery = z.object({
  client_id: z.string().optional(),
  redirect_uri: z.string().optional(),
  scope: z.string().optional(),
  optional_scope: z.string().optional(),
  state: z.string().optional(),
});

export function appHostHandlers(store: HubSpotStore): RequestHandler[] {
  return [
    http.get("/oauth/authorize", ({ request }) => showAuthorize(store, request)),
    http.post("/oauth/authorize/decision", async ({ request }) => decide(store, request)),
  ];
}

export function oauthApiHandlers(store: HubSpotStore): RequestHandler[] {
  return [
    http.post("/oauth/v1/token", async ({ request }) =>
      token(store, await readFormFields(request)),
    ),
    http.get("/oauth/v1/access-tokens/:token", ({ params }) =>
      accessTokenInfo(store, String(params.token)),
    ),
    http.get("/oauth/v1/refresh-tokens/:token", ({ params }) => {
      const grant = store.state.refreshTokens[String(params.token)];
      const portal = store.state.portals.find((p) => p.id === grant?.portalId);
      if (!grant?.active || !portal)
        return hsError(404, "OBJECT_NOT_FOUND", "Refresh token not found");
      return Response.json({
        token: params.token,
        user: portal.userEmail,
        hub_id: portal.id,
        scopes: grant.scopes,
        client_id: store.settings.clientId,
        token_type: "refresh",
      });
    }),
    http.delete("/oauth/v1/refresh-tokens/:token", ({ params }) =>
      revokeRefreshToken(store, String(params.token))
        ? new Response(null, { status: 204 })
        : hsError(404, "OBJECT_NOT_FOUND", "Refresh token not found"),
    ),
  ];
}

function showAuthorize(store: HubSpotStore, request: Request): Response {
  const query = authorizeQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  if (query.client_id !== store.settings.clientId || !query.redirect_uri) {
    return authorizeErrorPage();
  }
  const requestId = randomToken(16);
  const scopes = [query.scope, query.optional_scope]
    .filter(Boolean)
    .join(" ")
    .split(/[\s+]+/)
    .filter(Boolean);
  store.state.pendingAuthorizations[requestId] = {
    redirectUri: query.redirect_uri,
    scopes,
    state: query.state,
  };
  return approvalPage(store.state.portals, requestId, scopes);
}

async function decide(store: HubSpotStore, request: Request): Promise<Response> {
  const form = await readFormFields(request);
  const pending = store.state.pendingAuthorizations[form.request_id ?? ""];
  if (!pending) return new Response("authorization request expired", { status: 400 });
  delete store.state.pendingAuthorizations[form.request_id ?? ""];

  const target = new URL(pending.redirectUri);
  const portalId = Number(form.portal_id ?? store.state.portals[0]?.id);
  if (form.decision === "approve" && store.state.portals.some((p) => p.id === portalId)) {
    const code = `na1-${randomToken(18)}`;
    store.state.codes[code] = {
      portalId,
      redirectUri: pending.redirectUri,
      scopes: pending.scopes,
      expiresAt: Date.now() + HS_CONFIG.authorizationCodeLifetimeMs,
    };
    target.searchParams.set("code", code);
  } else {
    target.searchParams.set("error", "access_denied");
  }
  if (pending.state !== undefined) target.searchParams.set("state", pending.state);
  return new Response(null, { status: 302, headers: { location: target.toString() } });
}

async function token(store: HubSpotStore, form: Record<string, string>): Promise<Response> {
  if (form.client_id !== store.settings.clientId) {
    return oauthFailure("BAD_CLIENT_ID", "missing or unknown client id", "invalid_client");
  }
  if (form.client_secret !== store.settings.clientSecret) {
    return oauthFailure("BAD_CLIENT_SECRET", "missing or invalid client secret", "invalid_client");
  }
  if (form.grant_type === "authorization_code") return exchangeCode(store, form);
  if (form.grant_type === "refresh_token") return refresh(store, form);
  return oauthFailure("BAD_GRANT_TYPE", "missing or invalid grant type", "unsupported_grant_type");
}

function exchangeCode(store: HubSpotStore, form: Record<string, string>): Response {
  const code = store.state.codes[form.code ?? ""];
  delete store.state.codes[form.code ?? ""];
  if (!code || code.expiresAt < Date.now())
    return oauthFailure("BAD_AUTH_CODE", "missing or unknown auth code");
  if (code.redirectUri !== form.redirect_uri) {
    return oauthFailure("BAD_REDIRECT_URI", "redirect URI does not match initial auth request");
  }
  return Response.json(issueHsTokens(store, code.portalId, code.scopes));
}

// HubSpot refresh tokens do not rotate: the same one keeps working until it is revoked.
async function refresh(store: HubSpotStore, form: Record<string, string>): Promise<Response> {
  const faults = store.state.faults;
  if (faults.refreshDelayMs && (faults.refreshDelayCount ?? 1) > 0) {
    faults.refreshDelayCount = (faults.refreshDelayCount ?? 1) - 1;
    await sleep(faults.refreshDelayMs);
  }
  const grant = store.state.refreshTokens[form.refresh_token ?? ""];
  if (faults.failNextRefresh || !grant?.active) {
    delete faults.failNextRefresh;
    return oauthFailure("BAD_REFRESH_TOKEN", "missing or unknown refresh token");
  }
  return Response.json(issueHsTokens(store, grant.portalId, grant.scopes, form.refresh_token));
}

function accessTokenInfo(store: HubSpotStore, token: string): Response {
  const meta = store.state.accessTokens[token];
  const portal = store.state.portals.find((p) => p.id === meta?.portalId);
  if (!meta || !portal || meta.expiresAt <= Date.now()) {
    return hsError(
      401,
      "EXPIRED_AUTHENTICATION",
      "The OAuth token used to make this call expired.",
    );
  }
  return Response.json({
    token,
    user: portal.userEmail,
    hub_domain: portal.domain,
    scopes: meta.scopes,
    hub_id: portal.id,
    app_id: HS_CONFIG.appId,
    user_id: 1_000_001,
    expires_in: Math.floor((meta.expiresAt - Date.now()) / 1000),
    token_type: "access",
  });
}
