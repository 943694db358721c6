import { createHash } from "node:crypto";
import { http, type RequestHandler } from "msw";
import { z } from "zod";
import { readFormFields } from "../shared/form";
import { randomToken, sleep } from "../shared/random";
import { SF_CONFIG } from "./config";
import { oauthError } from "./errors";
import { approvalPage, authorizeErrorPage } from "./oauth-page";
import type { SfOrg } from "./orgs";
import type { SalesforceStore } from "./store";
import { issueTokens, revokeToken } from "./tokens";
import { identityHandler } from "./identity-route";

const authorizeQuery = z.object({
  response_type: z.string().optional(),
  client_id: z.string().optional(),
  redirect_uri: z.string().optional(),
  state: z.string().optional(),
  scope: z.string().optional(),
  code_challenge: z.string().optional(),
  code_challenge_method: z.string().optional(),
});

// One set of handlers per login host; `org` is the org that host authenticates into.
export function loginHostHandlers(store: SalesforceStore, org: SfOrg): RequestHandler[] {
  return [
    http.get("/services/oauth2/authorize", ({ request }) => showAuthorize(store, org, request)),
    http.post("/services/oauth2/authorize/decision", ({ request }) => decide(store, request)),
    http.post("/services/oauth2/token", ({ request }) => token(store, org, request)),
    http.post("/services/oauth2/revoke", async ({ request }) => {
      const fields = await readFormFields(request);
      return revokeToken(store, fields.token ?? "")
        ? new Response(null, { status: 200 })
        : oauthError(400, "unsupported_token_type", "this token type is not supported");
    }),
    identityHandler(store, org),
  ];
}

function showAuthorize(store: SalesforceStore, org: SfOrg, request: Request): Response {
  const query = authorizeQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  if (query.client_id !== store.settings.clientId) {
    return authorizeErrorPage("invalid_client_id", "client identifier invalid");
  }
  if (!query.redirect_uri)
    return authorizeErrorPage("redirect_uri_missing", "redirect_uri must be provided");
  if (query.response_type !== "code") {
    return authorizeErrorPage("unsupported_response_type", "response type not supported");
  }

  const requestId = randomToken(16);
  store.state.pendingAuthorizations[requestId] = {
    orgId: org.id,
    clientId: query.client_id,
    redirectUri: query.redirect_uri,
    scope: query.scope ?? "api refresh_token",
    state: query.state,
    codeChallenge: query.code_challenge,
    codeChallengeMethod: query.code_challenge_method,
  };
  return approvalPage(org, requestId, query.scope ?? "");
}

async function decide(store: SalesforceStore, request: Request): Promise<Response> {
  const fields = await readFormFields(request);
  const pending = store.state.pendingAuthorizations[fields.request_id ?? ""];
  if (!pending) return authorizeErrorPage("invalid_request", "authorization request expired");
  delete store.state.pendingAuthorizations[fields.request_id ?? ""];

  const target = new URL(pending.redirectUri);
  if (fields.decision === "approve") {
    const code = `aPrx${randomToken(32)}==`;
    store.state.codes[code] = {
      ...pending,
      expiresAt: Date.now() + SF_CONFIG.authorizationCodeLifetimeMs,
    };
    target.searchParams.set("code", code);
  } else {
    target.searchParams.set("error", "access_denied");
    target.searchParams.set("error_description", "end-user denied authorization");
  }
  if (pending.state !== undefined) target.searchParams.set("state", pending.state);
  return new Response(null, { status: 302, headers: { location: target.toString() } });
}

async function token(store: SalesforceStore, org: SfOrg, request: Request): Promise<Response> {
  const fields = await readFormFields(request);
  if (fields.client_id !== store.settings.clientId) {
    return oauthError(400, "invalid_client_id", "client identifier invalid");
  }
  if (fields.client_secret !== undefined && fields.client_secret !== store.settings.clientSecret) {
    return oauthError(400, "invalid_client", "invalid client credentials");
  }
  if (fields.grant_type === "authorization_code") return exchangeCode(store, org, fields);
  if (fields.grant_type === "refresh_token") return refresh(store, org, fields);
  return oauthError(400, "unsupported_grant_type", "grant type not supported");
}

function exchangeCode(store: SalesforceStore, org: SfOrg, fields: Record<string, string>) {
  const code = store.state.codes[fields.code ?? ""];
  // Codes are single use: consumed before any further check, like the real service.
  delete store.state.codes[fields.code ?? ""];
  if (!code || code.orgId !== org.id) {
    return oauthError(400, "invalid_grant", "invalid authorization code");
  }
  if (code.expiresAt < Date.now()) {
    return oauthError(400, "invalid_grant", "expired authorization code");
  }
  if (fields.redirect_uri !== code.redirectUri) {
    return oauthError(400, "redirect_uri_mismatch", "redirect_uri must match configuration");
  }
  if (fields.client_secret === undefined && !code.codeChallenge) {
    return oauthError(400, "invalid_client", "invalid client credentials");
  }
  if (
    code.codeChallenge &&
    !pkceMatches(code.codeChallenge, code.codeChallengeMethod, fields.code_verifier)
  ) {
    return oauthError(400, "invalid_grant", "invalid code verifier");
  }
  return Response.json(issueTokens(store, org, code.clientId, code.scope));
}

function pkceMatches(challenge: string, method: string | undefined, verifier?: string) {
  if (!verifier) return false;
  if (method === "plain") return verifier === challenge;
  return createHash("sha256").update(verifier).digest("base64url") === challenge;
}

async function refresh(store: SalesforceStore, org: SfOrg, fields: Record<string, string>) {
  const faults = store.state.faults;
  if (faults.refreshDelayMs && (faults.refreshDelayCount ?? 1) > 0) {
    faults.refreshDelayCount = (faults.refreshDelayCount ?? 1) - 1;
    await sleep(faults.refreshDelayMs);
  }
  if (faults.failNextRefresh) {
    delete faults.failNextRefresh;
    return oauthError(400, "invalid_grant", "expired access/refresh token");
  }

  // Checked after the delay so two concurrent refreshes race exactly as in case C1.
  const grant = store.state.refreshTokens[fields.refresh_token ?? ""];
  if (!grant || !grant.active || grant.orgId !== org.id) {
    return oauthError(400, "invalid_grant", "expired access/refresh token");
  }
  grant.active = false;
  return Response.json(issueTokens(store, org, grant.clientId, grant.scope, grant.familyId));
}
