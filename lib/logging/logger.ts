import pino from "pino";

import { getEnv } from "@/lib/config/env";

// Structured logs: one event name plus fields. Secrets and personal data are redacted by key
// wherever they appear, so a careless field cannot leak a token.
const REDACTED_KEYS = [
  "accessToken",
  "refreshToken",
  "access_token",
  "refresh_token",
  "authorization",
  "Authorization",
  "password",
  "apiKey",
  "code",
  "code_verifier",
  "client_secret",
  "email",
  "phone",
];

export const logger = pino(
  {
    level: getEnv().LOG_LEVEL,
    base: undefined,
    redact: {
      paths: [...REDACTED_KEYS, ...REDACTED_KEYS.map((key) => `*.${key}`)],
      censor: "[redacted]",
    },
  },
  // The process's own stdout stream (not a raw file descriptor), so tests can read the logs.
  process.stdout,
);

export type Logger = typeof logger;
