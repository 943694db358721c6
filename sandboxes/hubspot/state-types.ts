import { z } from "zod";
import type { HsObjectType } from "./config";

export type HsPortal = {
  id: number;
  name: string;
  domain: string;
  ownerIds: string[];
  userEmail: string;
};

export type HsRecord = {
  portalId: number;
  objectType: HsObjectType;
  id: string;
  properties: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  indexedAt: number;
  // What search still shows while indexedAt lies ahead (see search-index.ts).
  indexed?: { properties: Record<string, string | null>; updatedAt: string };
};

export type HsAssociation = {
  portalId: number;
  fromType: string;
  fromId: string;
  toType: string;
  toId: string;
  typeId: number;
};

export type HsAuthCode = {
  portalId: number;
  redirectUri: string;
  scopes: string[];
  expiresAt: number;
};
export type HsAccessToken = {
  portalId: number;
  scopes: string[];
  expiresAt: number;
  refreshToken: string;
};
export type HsRefreshToken = { portalId: number; scopes: string[]; active: boolean };

export type HsRequestLogEntry = {
  method: string;
  path: string;
  time: string;
  status: number;
  grantType?: string;
  portalId?: number;
};

export type WebhookSubscription = { id: number; eventType: string; propertyName?: string };
export type WebhookConfig = { targetUrl: string; subscriptions: WebhookSubscription[] };

export type HsDelivery = {
  id: string;
  targetUrl: string;
  eventIds: number[];
  attemptNumber: number;
  time: string;
  outcome: "delivered" | "failed" | "pending";
  httpStatus?: number;
  detail?: string;
};

export const hsFaultsSchema = z.object({
  latencyMs: z.number().int().min(0).optional(),
  errorRate: z.number().min(0).max(1).optional(),
  commitThenDelayMs: z.number().int().min(0).optional(),
  rateLimitBurst: z.number().int().min(0).optional(),
  failNextRefresh: z.literal("invalid_grant").optional(),
  refreshDelayMs: z.number().int().min(0).optional(),
  refreshDelayCount: z.number().int().min(0).optional(),
  revokeAllTokens: z.literal(true).optional(),
  expireAllSessions: z.literal(true).optional(),
  searchIndexLagMs: z.number().int().min(0).optional(),
  webhookRetryDelaysMs: z.array(z.number().int().min(0)).optional(),
  webhookTimeoutMs: z.number().int().min(1).optional(),
});
export type HsFaults = z.infer<typeof hsFaultsSchema>;
