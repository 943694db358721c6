import { z } from "zod";

import { getPrisma } from "@/lib/db/client";

export const SYNC_LOG_STATUSES = ["success", "failed", "pending"] as const;
export type SyncLogStatus = (typeof SYNC_LOG_STATUSES)[number];
const SYNC_LOG_LIMIT = 100;

const errorDetailsSchema = z.array(
  z.object({ code: z.string(), message: z.string(), fields: z.array(z.string()).optional() }),
);
export type SyncLogError = z.infer<typeof errorDetailsSchema>[number];

/** One distinct CRM error as the admin reads it: a short line first, the full text on demand. */
export interface ShownSyncLogError {
  code: string;
  message: string;
  summary: string;
  prettyJson: string | null;
  fields: string[];
}

export interface SyncLogEntry {
  id: string;
  createdAt: string;
  leadName: string | null;
  syncType: string;
  direction: string;
  status: string;
  crmRecordId: string | null;
  retryCount: number;
  fieldsSynced: string[];
  errors: ShownSyncLogError[];
}

// Only a few bracket positions are tried, so a long message cannot make parsing quadratic.
const MAX_JSON_STARTS = 5;

export function parseSyncLogStatus(value: string | undefined): SyncLogStatus | null {
  return SYNC_LOG_STATUSES.find((status) => status === value) ?? null;
}

// A CRM can reject one write for several reasons; all of them must be shown, and a log written
// before error_details existed still has its error_message.
function readErrors(details: unknown, message: string | null): SyncLogError[] {
  const parsed = errorDetailsSchema.safeParse(details);
  if (parsed.success && parsed.data.length > 0) return parsed.data;
  return message ? [{ code: "error", message }] : [];
}

function readFieldsSynced(value: unknown): string[] {
  const parsed = z.array(z.string()).safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** HubSpot appends its per-property results as JSON to the text ("...not valid: [{...}]"). */
function splitEmbeddedJson(message: string): { text: string; json: object } | null {
  let from = 0;
  for (let attempt = 0; attempt < MAX_JSON_STARTS; attempt += 1) {
    const offset = message.slice(from).search(/[[{]/);
    if (offset < 0) return null;
    const start = from + offset;
    try {
      const json: unknown = JSON.parse(message.slice(start));
      if (json !== null && typeof json === "object") return { text: message.slice(0, start), json };
    } catch {
      // Not JSON from this bracket on; the next bracket may start it.
    }
    from = start + 1;
  }
  return null;
}

export function describeCrmError(error: SyncLogError): ShownSyncLogError {
  const fields = error.fields ?? [];
  const split = splitEmbeddedJson(error.message);
  if (!split) return { ...error, fields, summary: error.message, prettyJson: null };

  const text = split.text.trim().replace(/:$/, "") || "Details";
  const count = Array.isArray(split.json) ? ` (${split.json.length} items)` : "";
  const prettyJson = JSON.stringify(split.json, null, 2);
  return { ...error, fields, summary: `${text}${count}`, prettyJson };
}

/**
 * HubSpot repeats one error per invalid property. Identical code + message pairs are shown once
 * with every field they named, so no code, message or field is lost.
 */
export function distinctErrors(errors: SyncLogError[]): SyncLogError[] {
  const byKey = new Map<string, SyncLogError & { fields: string[] }>();
  for (const error of errors) {
    const key = JSON.stringify([error.code, error.message]);
    const seen = byKey.get(key);
    const fields = error.fields ?? [];
    if (seen) seen.fields.push(...fields.filter((field) => !seen.fields.includes(field)));
    else byKey.set(key, { code: error.code, message: error.message, fields: [...fields] });
  }
  return [...byKey.values()];
}

/** The errors of one sync log, ready to show; also used for the reason on the leads page. */
export function shownErrorsOf(details: unknown, message: string | null): ShownSyncLogError[] {
  return distinctErrors(readErrors(details, message)).map(describeCrmError);
}

/** The latest sync logs of the tenant's integration, newest first; [] when none is connected. */
export async function loadSyncLogs(tenantId: string, status: SyncLogStatus | null) {
  const db = getPrisma();
  const integration = await db.crmIntegration.findUnique({
    where: { tenantId },
    select: { id: true, crmType: true },
  });
  if (!integration) return { crmType: null, entries: [] };

  const logs = await db.crmSyncLog.findMany({
    where: {
      integrationId: integration.id,
      integration: { tenantId },
      ...(status ? { status } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: SYNC_LOG_LIMIT,
    include: { lead: { select: { name: true } } },
  });
  const entries: SyncLogEntry[] = logs.map((log) => ({
    id: log.id,
    createdAt: log.createdAt.toISOString(),
    leadName: log.lead?.name ?? null,
    syncType: log.syncType,
    direction: log.direction,
    status: log.status,
    crmRecordId: log.crmRecordId,
    retryCount: log.retryCount,
    fieldsSynced: readFieldsSynced(log.fieldsSynced),
    errors: shownErrorsOf(log.errorDetails, log.errorMessage),
  }));
  return { crmType: integration.crmType, entries };
}
