import type { PathParams } from "msw";
import { sleep } from "../shared/random";
import { SF_CONFIG } from "./config";
import { invalidSessionResponse, notFoundResponse, sfError, sfErrorResponse } from "./errors";
import type { SfOrg } from "./orgs";
import { orgById, type SalesforceStore } from "./store";
import { activeSession } from "./session";

export type ApiContext = {
  store: SalesforceStore;
  org: SfOrg;
  request: Request;
  params: Record<string, string>;
  version: string;
};

export type ApiResolver = (ctx: ApiContext) => Response | Promise<Response>;
type MswInfo = { request: Request; params: PathParams };

const WRITE_METHODS = new Set(["POST", "PATCH", "PUT", "DELETE"]);

// Every REST call passes through here: version, session, faults, allocation, usage header.
export function withApi(store: SalesforceStore, resolver: ApiResolver) {
  return async ({ request, params }: MswInfo): Promise<Response> => {
    const flatParams = flattenParams(params);
    const version = /^v(\d+)\.0$/.exec(flatParams.version ?? "");
    const major = Number(version?.[1] ?? 0);
    if (major < SF_CONFIG.minApiVersion || major > SF_CONFIG.latestApiVersion) {
      return notFoundResponse();
    }
    const session = activeSession(store, request);
    const org = session ? orgById(store, session.orgId) : undefined;
    if (!org) return invalidSessionResponse();

    const internal = request.headers.get("x-sandbox-internal") === store.runtime.internalKey;
    const refused = internal ? null : await applyFaults(store, org);
    if (refused) return withUsage(store, org, refused);
    const started = Date.now();
    const inFlight = store.runtime.inFlight.get(org.id) ?? [];
    if (
      inFlight.filter((t) => started - t > SF_CONFIG.longRunningThresholdMs).length >=
      SF_CONFIG.maxConcurrentLongRunning
    ) {
      return withUsage(store, org, limitExceeded("ConcurrentPerOrgLongTxn Limit exceeded."));
    }

    inFlight.push(started);
    store.runtime.inFlight.set(org.id, inFlight);
    try {
      const response = await resolver({
        store,
        org,
        request,
        params: flatParams,
        version: `${major}.0`,
      });
      const delayAfterCommit = store.state.faults.commitThenDelayMs;
      if (delayAfterCommit && !internal && WRITE_METHODS.has(request.method)) {
        await sleep(delayAfterCommit);
      }
      return withUsage(store, org, response);
    } finally {
      inFlight.splice(inFlight.indexOf(started), 1);
    }
  };
}

async function applyFaults(store: SalesforceStore, org: SfOrg): Promise<Response | null> {
  const faults = store.state.faults;
  if (faults.latencyMs) await sleep(faults.latencyMs);
  if (faults.rateLimitBurst && faults.rateLimitBurst > 0) {
    faults.rateLimitBurst -= 1;
    return limitExceeded("TotalRequests Limit exceeded.");
  }
  if (faults.errorRate && Math.random() < faults.errorRate) {
    return sfErrorResponse(503, [
      sfError("SERVER_UNAVAILABLE", "Server temporarily unavailable (sandbox fault injection)"),
    ]);
  }
  const calls = recentCalls(store, org.id);
  const allocation = faults.apiAllocation ?? org.apiAllocation;
  if (calls.length >= allocation) return limitExceeded("TotalRequests Limit exceeded.");
  calls.push(Date.now());
  return null;
}

function limitExceeded(message: string): Response {
  return sfErrorResponse(403, [sfError("REQUEST_LIMIT_EXCEEDED", message)]);
}

export function recentCalls(store: SalesforceStore, orgId: string): number[] {
  const cutoff = Date.now() - SF_CONFIG.allocationWindowMs;
  const calls = (store.state.apiCalls[orgId] ?? []).filter((t) => t > cutoff);
  store.state.apiCalls[orgId] = calls;
  return calls;
}

function withUsage(store: SalesforceStore, org: SfOrg, response: Response): Response {
  const allocation = store.state.faults.apiAllocation ?? org.apiAllocation;
  const used = recentCalls(store, org.id).length;
  const headers = new Headers(response.headers);
  headers.set("Sforce-Limit-Info", `api-usage=${used}/${allocation}`);
  return new Response(response.body, { status: response.status, headers });
}

// msw has already percent-decoded path params; decoding again would break ids containing "%".
function flattenParams(params: PathParams): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === "string") flat[key] = value;
    else if (Array.isArray(value)) flat[key] = value.join("/");
  }
  return flat;
}
