import { z } from "zod";

export type SfRecord = {
  orgId: string;
  sobject: string;
  fields: Record<string, unknown>;
  deletedAt?: string;
};

export type AuthCode = {
  orgId: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  codeChallenge?: string;
  codeChallengeMethod?: string;
  expiresAt: number;
};

export type PendingAuthorization = {
  orgId: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  state?: string;
  codeChallenge?: string;
  codeChallengeMethod?: string;
};

// familyId ties every access and refresh token issued from one authorization together, so a
// revoke of the current refresh token ends the whole chain.
export type Session = {
  orgId: string;
  clientId: string;
  scope: string;
  expiresAt: number;
  familyId: string;
};
export type RefreshGrant = {
  orgId: string;
  clientId: string;
  scope: string;
  active: boolean;
  familyId: string;
};

export type RequestLogEntry = {
  method: string;
  path: string;
  host: "login" | "test-login" | "my-domain" | "instance";
  time: string;
  status: number;
  grantType?: string;
  orgId?: string;
};

// fields are the Lead fields the message carries, chosen per definition as in Setup.
export type OutboundConfig = { id: string; orgId: string; endpointUrl: string; fields: string[] };

export type Delivery = {
  id: string;
  configId: string;
  orgId: string;
  endpointUrl: string;
  notificationIds: string[];
  attempt: number;
  time: string;
  outcome: "acked" | "failed" | "pending";
  httpStatus?: number;
  detail?: string;
};

export const faultsSchema = z.object({
  latencyMs: z.number().int().min(0).optional(),
  errorRate: z.number().min(0).max(1).optional(),
  commitThenDelayMs: z.number().int().min(0).optional(),
  rateLimitBurst: z.number().int().min(0).optional(),
  failNextRefresh: z.literal("invalid_grant").optional(),
  refreshDelayMs: z.number().int().min(0).optional(),
  refreshDelayCount: z.number().int().min(0).optional(),
  revokeAllTokens: z.literal(true).optional(),
  expireAllSessions: z.literal(true).optional(),
  outboundRetryDelaysMs: z.array(z.number().int().min(0)).optional(),
  apiAllocation: z.number().int().min(0).optional(),
  recordErrors: z
    .object({
      code: z.enum(["UNABLE_TO_LOCK_ROW", "DUPLICATES_DETECTED"]),
      count: z.number().int().min(1),
    })
    .optional(),
});
export type Faults = z.infer<typeof faultsSchema>;
