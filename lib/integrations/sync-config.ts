import { z } from "zod";

import { NAME_ORDERS } from "@/lib/mapping/names";

// The integration's sync_config JSON: direction, polling frequency and per-tenant choices.
export const syncConfigSchema = z.object({
  direction: z.enum(["to_crm", "bidirectional"]).default("bidirectional"),
  pollIntervalMinutes: z.number().int().min(1).max(1440).default(5),
  nameOrder: z.enum(NAME_ORDERS).default("auto"),
});
export type SyncConfig = z.infer<typeof syncConfigSchema>;

export function readSyncConfig(stored: unknown): SyncConfig {
  const parsed = syncConfigSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : syncConfigSchema.parse({});
}

const fieldLengthsSchema = z.object({
  setup: z.object({ fieldLengths: z.record(z.string(), z.number()) }),
});

/** The CRM text-field lengths recorded at connect, when known. */
export function readFieldLengths(stored: unknown): Record<string, number> {
  const parsed = fieldLengthsSchema.safeParse(stored);
  return parsed.success ? parsed.data.setup.fieldLengths : {};
}
