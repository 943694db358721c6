import type { PathParams } from "msw";
import { sleep } from "../shared/random";
import { HS_CONFIG } from "./config";
import { hsError } from "./errors";
import type { HubSpotStore } from "./store";
import type { HsPortal } from "./state-types";

export type HsContext = {
  store: HubSpotStore;
  portal: HsPortal;
  request: Request;
  params: Record<string, string>;
};
export type HsResolver = (ctx: HsContext) => Response | Promise<Response>;
type MswInfo = { request: Request; params: PathParams };
type Budget = "ten-secondly" | "search";

const WRITE_METHODS = new Set(["POST", "PATCH", "PUT", "DELETE"]);

// Every CRM call passes through here: token, faults, the per-portal budgets, rate headers.
export function withHsApi(
  store: HubSpotStore,
  resolver: HsResolver,
  budget: Budget = "ten-secondly",
) {
  return async ({ request, params }: MswInfo): Promise<Response> => {
    const auth = authenticate(store, request);
    if (auth instanceof Response) return auth;
    const faults = store.state.faults;
    if (faults.latencyMs) await sleep(faults.latencyMs);

    const limited =
      budget === "search" ? searchLimited(store, auth) : tenSecondlyLimited(store, auth);
    if (limited) return limited;
    if (faults.errorRate && Math.random() < faults.errorRate) {
      return hsError(502, "INTERNAL_ERROR", "Bad gateway (sandbox fault injection)");
    }
    const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
    const response = await resolver({ store, portal: auth, request, params: flat });
    if (faults.commitThenDelayMs && WRITE_METHODS.has(request.method))
      await sleep(faults.commitThenDelayMs);
    return budget === "search" ? response : withRateHeaders(store, auth, response);
  };
}

function authenticate(store: HubSpotStore, request: Request): HsPortal | Response {
  const header = request.headers.get("authorization") ?? "";
  const token = /^Bearer\s+(.+)$/i.exec(header)?.[1] ?? "";
  const grant = store.state.accessTokens[token];
  const portal = grant && store.state.portals.find((p) => p.id === grant.portalId);
  if (!grant || !portal) {
    return hsError(
      401,
      "INVALID_AUTHENTICATION",
      "Authentication credentials not found. This API " +
        "supports OAuth 2.0 authentication and you can find more details at " +
        "https://developers.hubspot.com/docs/methods/auth/oauth-overview",
    );
  }
  if (grant.expiresAt <= Date.now()) {
    const minutes = Math.floor((Date.now() - grant.expiresAt) / 60_000);
    return hsError(
      401,
      "EXPIRED_AUTHENTICATION",
      `The OAuth token used to make this call expired ${minutes} minute(s) ago.`,
    );
  }
  return portal;
}

function recent(map: Map<number, number[]>, portalId: number, windowMs: number): number[] {
  const cutoff = Date.now() - windowMs;
  const calls = (map.get(portalId) ?? []).filter((t) => t > cutoff);
  map.set(portalId, calls);
  return calls;
}

function tenSecondlyLimited(store: HubSpotStore, portal: HsPortal): Response | null {
  const calls = recent(store.runtime.calls, portal.id, HS_CONFIG.rateLimitWindowMs);
  const faults = store.state.faults;
  const burst = (faults.rateLimitBurst ?? 0) > 0;
  if (burst) faults.rateLimitBurst = (faults.rateLimitBurst ?? 1) - 1;
  if (!burst && calls.length < HS_CONFIG.rateLimitMax) {
    calls.push(Date.now());
    return null;
  }
  const response = Response.json(
    {
      status: "error",
      message: "You have reached your ten_secondly_rolling limit.",
      errorType: "RATE_LIMIT",
      correlationId: crypto.randomUUID(),
      policyName: "TEN_SECONDLY_ROLLING",
    },
    { status: 429 },
  );
  return withRateHeaders(store, portal, response);
}

function searchLimited(store: HubSpotStore, portal: HsPortal): Response | null {
  const calls = recent(store.runtime.searches, portal.id, 1000);
  if (calls.length < HS_CONFIG.searchPerSecond) {
    calls.push(Date.now());
    return null;
  }
  return Response.json(
    {
      status: "error",
      message: "You have reached your secondly limit.",
      errorType: "RATE_LIMIT",
      correlationId: crypto.randomUUID(),
      policyName: "SECONDLY",
    },
    { status: 429 },
  );
}

function withRateHeaders(store: HubSpotStore, portal: HsPortal, response: Response): Response {
  const used = recent(store.runtime.calls, portal.id, HS_CONFIG.rateLimitWindowMs).length;
  const headers = new Headers(response.headers);
  headers.set("X-HubSpot-RateLimit-Interval-Milliseconds", String(HS_CONFIG.rateLimitWindowMs));
  headers.set("X-HubSpot-RateLimit-Max", String(HS_CONFIG.rateLimitMax));
  headers.set("X-HubSpot-RateLimit-Remaining", String(Math.max(0, HS_CONFIG.rateLimitMax - used)));
  return new Response(response.body, { status: response.status, headers });
}
