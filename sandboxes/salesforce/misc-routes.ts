import { http, type RequestHandler } from "msw";
import { SF_CONFIG } from "./config";
import { withApi, recentCalls, type ApiContext } from "./api-guard";
import type { SalesforceStore } from "./store";

export function miscHandlers(store: SalesforceStore): RequestHandler[] {
  return [
    http.get("/services/data", () => versionList()),
    http.get("/services/data/", () => versionList()),
    http.get("/services/data/:version", withApi(store, resources)),
    http.get("/services/data/:version/limits", withApi(store, limits)),
  ];
}

// The version list is public on the real instance too.
function versionList(): Response {
  const versions = [];
  for (let v = SF_CONFIG.minApiVersion; v <= SF_CONFIG.latestApiVersion; v++) {
    versions.push({ label: `v${v}.0`, url: `/services/data/v${v}.0`, version: `${v}.0` });
  }
  return Response.json(versions);
}

function resources(ctx: ApiContext): Response {
  const base = `/services/data/v${ctx.version}`;
  return Response.json({
    sobjects: `${base}/sobjects`,
    query: `${base}/query`,
    queryAll: `${base}/queryAll`,
    composite: `${base}/composite`,
    limits: `${base}/limits`,
  });
}

function limits(ctx: ApiContext): Response {
  const max = ctx.store.state.faults.apiAllocation ?? ctx.org.apiAllocation;
  const used = recentCalls(ctx.store, ctx.org.id).length;
  return Response.json({
    DailyApiRequests: { Max: max, Remaining: Math.max(0, max - used) },
    ConcurrentPerOrgLongTxn: {
      Max: SF_CONFIG.maxConcurrentLongRunning,
      Remaining: SF_CONFIG.maxConcurrentLongRunning,
    },
  });
}
