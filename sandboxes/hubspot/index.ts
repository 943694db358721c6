import type { RequestHandler } from "msw";
import { startHttpServer, type ExchangeInfo } from "../http-server";
import { hubSpotAdminHandlers } from "./admin-routes";
import { associationHandlers } from "./associations";
import { batchHandlers } from "./batch-routes";
import { DEFAULT_HS_CLIENT, HS_CONFIG } from "./config";
import { hubSpotConsoleHandlers } from "./console";
import { objectHandlers } from "./object-routes";
import { appHostHandlers, oauthApiHandlers } from "./oauth-routes";
import { propertyHandlers } from "./property-routes";
import { searchHandlers } from "./search-routes";
import { clearHubSpotRuntime, createHubSpotStore, type HubSpotStore } from "./store";
import { type HsRequestLogEntry } from "./state-types";

export type HubSpotSandboxOptions = {
  appPort?: number;
  apiPort?: number;
  clientId?: string;
  clientSecret?: string;
  accessTokenLifetimeSeconds?: number;
};

export type HubSpotSandbox = { appUrl: string; apiUrl: string; close(): Promise<void> };

export async function startHubSpotSandbox(
  opts: HubSpotSandboxOptions = {},
): Promise<HubSpotSandbox> {
  const settings = {
    clientId: opts.clientId ?? DEFAULT_HS_CLIENT.clientId,
    clientSecret: opts.clientSecret ?? DEFAULT_HS_CLIENT.clientSecret,
    accessTokenLifetimeSeconds:
      opts.accessTokenLifetimeSeconds ?? HS_CONFIG.accessTokenLifetimeSeconds,
    appUrl: "",
    apiUrl: "",
  };
  const store = createHubSpotStore(settings);
  const apiHandlers: RequestHandler[] = [
    ...hubSpotAdminHandlers(store),
    ...hubSpotConsoleHandlers(store),
    ...oauthApiHandlers(store),
    ...propertyHandlers(store),
    ...batchHandlers(store),
    ...searchHandlers(store),
    ...associationHandlers(store),
    ...objectHandlers(store),
  ];
  const app = await startHttpServer({
    port: opts.appPort ?? 0,
    handlers: () => appHostHandlers(store),
  });
  const api = await startHttpServer({
    port: opts.apiPort ?? 0,
    handlers: () => apiHandlers,
    onExchange: (info) => logExchange(store, info),
  });
  Object.assign(settings, { appUrl: app.url, apiUrl: api.url });

  return {
    appUrl: app.url,
    apiUrl: api.url,
    close: async () => {
      clearHubSpotRuntime(store);
      await Promise.all([app.close(), api.close()]);
    },
  };
}

async function logExchange(store: HubSpotStore, info: ExchangeInfo) {
  const url = new URL(info.request.url);
  if (url.pathname.startsWith("/__sandbox")) return;
  // A slow request that began before a reset belongs to the old state, not the new one.
  if (info.startedAt.getTime() < store.runtime.resetAt) return;
  const entry: HsRequestLogEntry = {
    method: info.request.method,
    path: url.pathname,
    time: info.startedAt.toISOString(),
    status: info.status,
  };
  // Token calls keep only their grant type; codes, secrets and tokens stay out of the log.
  if (url.pathname === "/oauth/v1/token") {
    entry.grantType = new URLSearchParams(await info.request.text()).get("grant_type") ?? undefined;
  }
  if (url.pathname.startsWith("/oauth/v1/access-tokens/"))
    entry.path = "/oauth/v1/access-tokens/[redacted]";
  if (url.pathname.startsWith("/oauth/v1/refresh-tokens/"))
    entry.path = "/oauth/v1/refresh-tokens/[redacted]";
  store.state.requests.push(entry);
}
