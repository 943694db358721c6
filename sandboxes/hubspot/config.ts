// Every number the HubSpot sandbox imitates lives here.
export const HS_CONFIG = {
  accessTokenLifetimeSeconds: 1800,
  authorizationCodeLifetimeMs: 10 * 60 * 1000,
  rateLimitWindowMs: 10_000,
  rateLimitMax: 110,
  searchPerSecond: 5,
  searchMaxLimit: 200,
  searchMaxTotal: 10_000,
  batchMaxInputs: 100,
  webhookMaxEvents: 100,
  webhookTimeoutMs: 5000,
  webhookMaxAttempts: 10,
  // HubSpot spreads 10 retries over 24 h; tests shorten this through the admin API.
  webhookRetryDelaysMs: [
    60_000, 120_000, 300_000, 600_000, 1_800_000, 3_600_000, 7_200_000, 14_400_000, 28_800_000,
  ],
  appId: 4_242_001,
} as const;

export const DEFAULT_HS_CLIENT = {
  clientId: "diagnoleads-hs-client",
  clientSecret: "diagnoleads-hs-secret",
};

export const HS_OBJECT_TYPES = ["contacts", "companies", "deals", "notes"] as const;
export type HsObjectType = (typeof HS_OBJECT_TYPES)[number];

export function isObjectType(value: string): value is HsObjectType {
  return (HS_OBJECT_TYPES as readonly string[]).includes(value);
}
