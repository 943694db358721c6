import {
  type SfRecord,
  type AuthCode,
  type PendingAuthorization,
  type Session,
  type RefreshGrant,
  type RequestLogEntry,
  type OutboundConfig,
  type Delivery,
  type Faults,
} from "./state-types";
import { randomUUID } from "node:crypto";
import { defaultOrgs, type SfOrg } from "./orgs";
import { SF_CONFIG } from "./config";

export type SalesforceState = {
  orgs: SfOrg[];
  records: Record<string, SfRecord>;
  codes: Record<string, AuthCode>;
  pendingAuthorizations: Record<string, PendingAuthorization>;
  sessions: Record<string, Session>;
  refreshTokens: Record<string, RefreshGrant>;
  apiCalls: Record<string, number[]>;
  requests: RequestLogEntry[];
  outboundConfigs: OutboundConfig[];
  deliveries: Delivery[];
  faults: Faults;
};

export type PendingNotification = { id: string; fields: Record<string, unknown> };

// Runtime holds timers and queues that must not be snapshotted.
export type SalesforceRuntime = {
  timers: Set<NodeJS.Timeout>;
  pending: Map<string, PendingNotification[]>;
  inFlight: Map<string, number[]>;
  internalKey: string;
  sent: Map<string, Record<string, unknown>>;
  resetAt: number;
};

export type SalesforceStore = {
  state: SalesforceState;
  runtime: SalesforceRuntime;
  readonly settings: StoreSettings;
};

export type StoreSettings = {
  clientId: string;
  clientSecret: string;
  sessionLifetimeSeconds: number;
  loginUrl: string;
  testLoginUrl: string;
  instanceUrl: string;
};

export function initialState(): SalesforceState {
  return {
    orgs: defaultOrgs(SF_CONFIG.dailyApiAllocation),
    records: {},
    codes: {},
    pendingAuthorizations: {},
    sessions: {},
    refreshTokens: {},
    apiCalls: {},
    requests: [],
    outboundConfigs: [],
    deliveries: [],
    faults: {},
  };
}

export function createSalesforceStore(settings: StoreSettings): SalesforceStore {
  return {
    state: initialState(),
    runtime: {
      timers: new Set(),
      pending: new Map(),
      inFlight: new Map(),
      internalKey: randomUUID(),
      sent: new Map(),
      resetAt: 0,
    },
    settings,
  };
}

export function clearRuntime(store: SalesforceStore): void {
  store.runtime.timers.forEach((t) => clearTimeout(t));
  store.runtime.timers.clear();
  store.runtime.pending.clear();
  store.runtime.resetAt = Date.now();
}

export function schedule(store: SalesforceStore, delayMs: number, task: () => void): void {
  const timer = setTimeout(() => {
    store.runtime.timers.delete(timer);
    task();
  }, delayMs);
  store.runtime.timers.add(timer);
}

export function orgById(store: SalesforceStore, orgId: string): SfOrg | undefined {
  return store.state.orgs.find((org) => org.id === orgId);
}

export function liveRecords(store: SalesforceStore, orgId: string, sobject: string): SfRecord[] {
  return Object.values(store.state.records).filter(
    (r) => r.orgId === orgId && r.sobject === sobject && !r.deletedAt,
  );
}
