import { z } from "zod";

// Defaults point at the local CRM sandboxes so a fresh clone works with no CRM account.
// Real CRM hosts and credentials are configuration.
const DEV_NEXTAUTH_SECRET = "dev-only-nextauth-secret-change-me";
const DEV_TOKEN_KEYS = "dev1:ZGV2LW9ubHkta2V5LWRvLW5vdC11c2UtaW4tcHJvZCE=";

const baseSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  APP_URL: z.url().default("http://localhost:3000"),
  NEXTAUTH_SECRET: z.string().min(16).default(DEV_NEXTAUTH_SECRET),
  // Comma-separated "keyId:base64key" pairs; the first encrypts, any decrypts.
  TOKEN_ENCRYPTION_KEYS: z.string().default("dev1:ZGV2LW9ubHkta2V5LWRvLW5vdC11c2UtaW4tcHJvZCE="),
  SALESFORCE_CLIENT_ID: z.string().default("diagnoleads-sf-client"),
  SALESFORCE_CLIENT_SECRET: z.string().default("diagnoleads-sf-secret"),
  SALESFORCE_LOGIN_URL: z.url().default("http://localhost:4010"),
  SALESFORCE_SANDBOX_LOGIN_URL: z.url().default("http://localhost:4011"),
  HUBSPOT_CLIENT_ID: z.string().default("diagnoleads-hs-client"),
  HUBSPOT_CLIENT_SECRET: z.string().default("diagnoleads-hs-secret"),
  HUBSPOT_AUTHORIZE_URL: z.url().default("http://localhost:4020/oauth/authorize"),
  HUBSPOT_API_URL: z.url().default("http://localhost:4021"),
  INNGEST_EVENT_KEY: z.string().optional(),
  INNGEST_SIGNING_KEY: z.string().optional(),
  INNGEST_DEV: z.string().optional(),
  // A CRM call with no answer after this long is abandoned (and retried idempotently).
  CRM_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(20_000),
  // How long a worker may hold an outbox entry before another process may take it over.
  SYNC_LOCK_SECONDS: z.coerce.number().int().min(1).max(3_600).default(120),
  LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),
});

// A production server must not run on the secrets this file ships for development.
const envSchema = baseSchema.superRefine((env, context) => {
  const building = process.env.NEXT_PHASE === "phase-production-build";
  if (env.NODE_ENV !== "production" || building) return;
  if (env.NEXTAUTH_SECRET === DEV_NEXTAUTH_SECRET) {
    context.addIssue({
      code: "custom",
      path: ["NEXTAUTH_SECRET"],
      message: "set a secret of your own",
    });
  }
  if (env.TOKEN_ENCRYPTION_KEYS.includes(DEV_TOKEN_KEYS)) {
    context.addIssue({
      code: "custom",
      path: ["TOKEN_ENCRYPTION_KEYS"],
      message: "set keys of your own",
    });
  }
});

export type AppEnv = z.infer<typeof envSchema>;

let cached: AppEnv | undefined;

/** Parsed environment. Tests that change process.env call resetEnvCache() afterwards. */
export function getEnv(): AppEnv {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
    }
    cached = parsed.data;
  }
  return cached;
}

export function resetEnvCache(): void {
  cached = undefined;
}
