import {
  type HsPortal,
  type HsRecord,
  type HsAssociation,
  type HsAuthCode,
  type HsAccessToken,
  type HsRefreshToken,
  type HsRequestLogEntry,
  type WebhookConfig,
  type HsDelivery,
  type HsFaults,
} from "./state-types";
import { randomUUID } from "node:crypto";
import { HS_OBJECT_TYPES } from "./config";
import {
  defaultGroups,
  defaultProperties,
  type HsProperty,
  type HsPropertyGroup,
} from "./properties";

export type HubSpotState = {
  portals: HsPortal[];
  nextId: number;
  nextEventId: number;
  records: Record<string, HsRecord>;
  properties: Record<string, Record<string, HsProperty[]>>;
  groups: Record<string, Record<string, HsPropertyGroup[]>>;
  associations: HsAssociation[];
  codes: Record<string, HsAuthCode>;
  pendingAuthorizations: Record<string, { redirectUri: string; scopes: string[]; state?: string }>;
  accessTokens: Record<string, HsAccessToken>;
  refreshTokens: Record<string, HsRefreshToken>;
  requests: HsRequestLogEntry[];
  webhooks: WebhookConfig | null;
  deliveries: HsDelivery[];
  faults: HsFaults;
};

export type HubSpotSettings = {
  clientId: string;
  clientSecret: string;
  accessTokenLifetimeSeconds: number;
  appUrl: string;
  apiUrl: string;
};

export type HubSpotRuntime = {
  timers: Set<NodeJS.Timeout>;
  calls: Map<number, number[]>;
  searches: Map<number, number[]>;
  pendingEvents: Record<string, unknown>[];
  resetAt: number;
};

export type HubSpotStore = {
  state: HubSpotState;
  runtime: HubSpotRuntime;
  settings: HubSpotSettings;
};

const PORTALS: HsPortal[] = [
  {
    id: 44_100_001,
    name: "DiagnoLeads Demo Portal",
    domain: "diagnoleads-demo.example",
    ownerIds: ["71000001", "71000002", "71000003"],
    userEmail: "admin@diagnoleads-demo.example",
  },
  {
    id: 44_100_002,
    name: "Second Tenant Portal",
    domain: "second-tenant.example",
    ownerIds: ["72000001", "72000002"],
    userEmail: "owner@second-tenant.example",
  },
];

export function initialHubSpotState(): HubSpotState {
  const properties: HubSpotState["properties"] = {};
  const groups: HubSpotState["groups"] = {};
  for (const portal of PORTALS) {
    properties[portal.id] = Object.fromEntries(
      HS_OBJECT_TYPES.map((t) => [t, defaultProperties(t, portal.ownerIds)]),
    );
    groups[portal.id] = Object.fromEntries(HS_OBJECT_TYPES.map((t) => [t, defaultGroups(t)]));
  }
  return {
    portals: structuredClone(PORTALS),
    nextId: 901,
    nextEventId: 1,
    records: {},
    properties,
    groups,
    associations: [],
    codes: {},
    pendingAuthorizations: {},
    accessTokens: {},
    refreshTokens: {},
    requests: [],
    webhooks: null,
    deliveries: [],
    faults: {},
  };
}

export function createHubSpotStore(settings: HubSpotSettings): HubSpotStore {
  return {
    state: initialHubSpotState(),
    settings,
    runtime: {
      timers: new Set(),
      calls: new Map(),
      searches: new Map(),
      pendingEvents: [],
      resetAt: 0,
    },
  };
}

export function clearHubSpotRuntime(store: HubSpotStore) {
  store.runtime.timers.forEach((t) => clearTimeout(t));
  store.runtime.timers.clear();
  store.runtime.calls.clear();
  store.runtime.searches.clear();
  store.runtime.pendingEvents = [];
  store.runtime.resetAt = Date.now();
}

export function scheduleHs(store: HubSpotStore, delayMs: number, task: () => void) {
  const timer = setTimeout(() => {
    store.runtime.timers.delete(timer);
    task();
  }, delayMs);
  store.runtime.timers.add(timer);
}

export function propertiesOf(
  store: HubSpotStore,
  portalId: number,
  objectType: string,
): HsProperty[] {
  return store.state.properties[portalId]?.[objectType] ?? [];
}

export function recordKey(portalId: number, objectType: string, id: string) {
  return `${portalId}:${objectType}:${id}`;
}

export function newCorrelationId() {
  return randomUUID();
}
