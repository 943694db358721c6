import { getEnv } from "@/lib/config/env";

/** Inngest when an event key or a dev server is configured; otherwise in-process. */
export function syncEngineMode(): "inngest" | "inline" {
  const env = getEnv();
  return env.INNGEST_EVENT_KEY || env.INNGEST_DEV ? "inngest" : "inline";
}
