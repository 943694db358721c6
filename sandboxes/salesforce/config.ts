// Every number the Salesforce sandbox imitates lives here, so a vendor change is one edit.
export const SF_CONFIG = {
  minApiVersion: 57,
  latestApiVersion: 62,
  dailyApiAllocation: 100_000,
  allocationWindowMs: 24 * 60 * 60 * 1000,
  maxConcurrentLongRunning: 25,
  longRunningThresholdMs: 20_000,
  defaultSessionLifetimeSeconds: 2 * 60 * 60,
  authorizationCodeLifetimeMs: 10 * 60 * 1000,
  collectionMaxRecords: 200,
  compositeMaxSubrequests: 25,
  queryBatchSize: 2000,
  deletedWindowDays: 15,
  outboundMaxNotifications: 100,
  // Real Salesforce backs off up to 2 h apart for 24 h; tests shorten this through the admin API.
  outboundRetryDelaysMs: [15_000, 60_000, 5 * 60_000, 30 * 60_000, 2 * 60 * 60_000],
  outboundTimeoutMs: 10_000,
} as const;

export const DEFAULT_SF_CLIENT = {
  clientId: "diagnoleads-sf-client",
  clientSecret: "diagnoleads-sf-secret",
};
