import type { RequestHandler } from "msw";
import { startHttpServer, type ExchangeInfo } from "../http-server";
import { adminHandlers } from "./admin-routes";
import { collectionHandlers } from "./collections-routes";
import { compositeHandlers } from "./composite-routes";
import { DEFAULT_SF_CLIENT, SF_CONFIG } from "./config";
import { consoleHandlers } from "./console";
import { miscHandlers } from "./misc-routes";
import { loginHostHandlers } from "./oauth-routes";
import { queryHandlers } from "./query-routes";
import { sobjectHandlers } from "./sobject-routes";
import { clearRuntime, createSalesforceStore, type SalesforceStore } from "./store";
import { type RequestLogEntry } from "./state-types";

export type SalesforceSandboxOptions = {
  loginPort?: number;
  testLoginPort?: number;
  // A My Domain login host ("custom login URL") for the production org; off unless given.
  myDomainPort?: number;
  instancePort?: number;
  clientId?: string;
  clientSecret?: string;
  sessionLifetimeSeconds?: number;
};

export type SalesforceSandbox = {
  loginUrl: string;
  testLoginUrl: string;
  myDomainUrl?: string;
  instanceUrl: string;
  close(): Promise<void>;
};

// Three listeners, one per host role: the port a request arrives on decides whether it is the
// production login host, the sandbox-org login host or the instance.
export async function startSalesforceSandbox(
  opts: SalesforceSandboxOptions = {},
): Promise<SalesforceSandbox> {
  const settings = {
    clientId: opts.clientId ?? DEFAULT_SF_CLIENT.clientId,
    clientSecret: opts.clientSecret ?? DEFAULT_SF_CLIENT.clientSecret,
    sessionLifetimeSeconds: opts.sessionLifetimeSeconds ?? SF_CONFIG.defaultSessionLifetimeSeconds,
    loginUrl: "",
    testLoginUrl: "",
    instanceUrl: "",
  };
  const store = createSalesforceStore(settings);
  const orgFor = (role: "production" | "sandbox") => {
    const org = store.state.orgs.find((o) => o.role === role);
    if (!org) throw new Error(`no ${role} org`);
    return org;
  };

  const instanceHandlers: RequestHandler[] = [];
  const login = await startHttpServer({
    port: opts.loginPort ?? 0,
    handlers: () => loginHostHandlers(store, orgFor("production")),
    onExchange: (info) => logExchange(store, "login", info),
  });
  const testLogin = await startHttpServer({
    port: opts.testLoginPort ?? 0,
    handlers: () => loginHostHandlers(store, orgFor("sandbox")),
    onExchange: (info) => logExchange(store, "test-login", info),
  });
  const myDomain =
    opts.myDomainPort === undefined
      ? null
      : await startHttpServer({
          port: opts.myDomainPort,
          handlers: () => loginHostHandlers(store, orgFor("production")),
          onExchange: (info) => logExchange(store, "my-domain", info),
        });
  const instance = await startHttpServer({
    port: opts.instancePort ?? 0,
    handlers: () => instanceHandlers,
    onExchange: (info) => logExchange(store, "instance", info),
  });

  Object.assign(settings, {
    loginUrl: login.url,
    testLoginUrl: testLogin.url,
    instanceUrl: instance.url,
  });
  instanceHandlers.push(
    ...adminHandlers(store),
    ...consoleHandlers(store),
    ...miscHandlers(store),
    ...collectionHandlers(store),
    ...compositeHandlers(store, () => instanceHandlers),
    ...queryHandlers(store),
    ...sobjectHandlers(store),
  );

  return {
    loginUrl: login.url,
    testLoginUrl: testLogin.url,
    ...(myDomain ? { myDomainUrl: myDomain.url } : {}),
    instanceUrl: instance.url,
    close: async () => {
      clearRuntime(store);
      await Promise.all([login, testLogin, myDomain, instance].map((server) => server?.close()));
    },
  };
}

async function logExchange(
  store: SalesforceStore,
  host: RequestLogEntry["host"],
  info: ExchangeInfo,
) {
  const url = new URL(info.request.url);
  if (url.pathname.startsWith("/__sandbox")) return;
  // A slow request that began before a reset belongs to the old state, not the new one.
  if (info.startedAt.getTime() < store.runtime.resetAt) return;
  if (info.request.headers.get("x-sandbox-internal") === store.runtime.internalKey) return;
  const entry: RequestLogEntry = {
    method: info.request.method,
    path: url.pathname,
    host,
    time: info.startedAt.toISOString(),
    status: info.status,
  };
  // Only the grant type is kept from token calls: secrets and tokens never reach the log.
  if (url.pathname === "/services/oauth2/token") {
    entry.grantType = new URLSearchParams(await info.request.text()).get("grant_type") ?? undefined;
  }
  store.state.requests.push(entry);
}
