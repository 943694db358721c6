import type { Client } from "@hubspot/api-client";

import { HUBSPOT_BATCH_MAX, HUBSPOT_LEAD_ID_PROPERTY } from "@/lib/config/crm-limits";
import { CrmError, isCrmError } from "@/lib/crm/errors";
import { existingIdFromConflict, hubSpotErrorDetails } from "@/lib/crm/hubspot/errors";
import type { CrmErrorDetail, CrmLeadWrite, CrmWriteResult } from "@/lib/crm/types";

// Idempotent contact writes. A contact we know is updated by id; otherwise it is upserted by
// email (so a sales rep's existing contact is linked, not duplicated) or, without an email,
// by our unique lead-id property. Never create-then-search: search is eventually consistent.

export type HubSpotRun = <T>(call: (client: Client) => Promise<T>) => Promise<T>;

type WriteMode = "update_by_id" | "upsert_by_email" | "upsert_by_lead_id";

interface PendingWrite {
  index: number;
  key: string;
  properties: Record<string, string>;
}

interface BatchOutcome {
  // The client library renames the API's `new` flag to `_new`.
  results: { id: string; _new?: boolean; properties: Record<string, string | null> }[];
  errors?: { message: string; category: string }[];
}

function modeOf(lead: CrmLeadWrite): WriteMode {
  if (lead.crmId) return "update_by_id";
  return typeof lead.fields.email === "string" && lead.fields.email
    ? "upsert_by_email"
    : "upsert_by_lead_id";
}

function toProperties(lead: CrmLeadWrite): Record<string, string> {
  const properties: Record<string, string> = { [HUBSPOT_LEAD_ID_PROPERTY]: lead.leadId };
  for (const [name, value] of Object.entries(lead.fields)) {
    properties[name] = value === null ? "" : String(value);
  }
  return properties;
}

function keyOf(mode: WriteMode, lead: CrmLeadWrite): string {
  if (mode === "update_by_id") return lead.crmId as string;
  if (mode === "upsert_by_email") return String(lead.fields.email).toLowerCase();
  return lead.leadId;
}

/** Splits writes into batches of at most `size` in which no key appears twice. */
export function uniqueKeyBatches<T extends { key: string }>(items: T[], size: number): T[][] {
  const batches: T[][] = [];
  let remaining = items;
  while (remaining.length > 0) {
    const seen = new Set<string>();
    const batch: T[] = [];
    const later: T[] = [];
    for (const item of remaining) {
      if (batch.length < size && !seen.has(item.key)) {
        seen.add(item.key);
        batch.push(item);
      } else later.push(item);
    }
    batches.push(batch);
    remaining = later;
  }
  return batches;
}

function sendBatch(
  run: HubSpotRun,
  mode: WriteMode,
  writes: PendingWrite[],
): Promise<BatchOutcome> {
  const contacts = (client: Client) => client.crm.contacts.batchApi;
  if (mode === "update_by_id") {
    const inputs = writes.map((write) => ({ id: write.key, properties: write.properties }));
    return run((client) => contacts(client).update({ inputs }));
  }
  const idProperty = mode === "upsert_by_email" ? "email" : HUBSPOT_LEAD_ID_PROPERTY;
  const inputs = writes.map((write) => ({
    id: write.key,
    idProperty,
    properties: write.properties,
  }));
  return run((client) => contacts(client).upsert({ inputs }));
}

async function linkExistingContact(
  run: HubSpotRun,
  error: CrmError,
  write: PendingWrite,
): Promise<CrmWriteResult | null> {
  const existingId = existingIdFromConflict(error.message);
  if (!existingId || existingId === write.key) return null;
  const outcome = await sendBatch(run, "update_by_id", [{ ...write, key: existingId }]);
  const result = outcome.results[0];
  return result ? { ok: true, crmId: result.id, created: false } : null;
}

async function writeBatch(
  run: HubSpotRun,
  mode: WriteMode,
  writes: PendingWrite[],
  results: CrmWriteResult[],
): Promise<void> {
  let outcome: BatchOutcome;
  try {
    outcome = await sendBatch(run, mode, writes);
  } catch (error) {
    if (!isCrmError(error, "invalid_data")) throw error;
    if (writes.length > 1) {
      // HubSpot rejects a whole batch for one bad record: isolate it by writing one by one.
      for (const write of writes) await writeBatch(run, mode, [write], results);
      return;
    }
    const write = writes[0] as PendingWrite;
    const linked = await linkExistingContact(run, error, write);
    results[write.index] = linked ?? { ok: false, retryable: false, errors: error.details };
    return;
  }
  const byLeadId = new Map(outcome.results.map((r) => [r.properties[HUBSPOT_LEAD_ID_PROPERTY], r]));
  const batchErrors: CrmErrorDetail[] = (outcome.errors ?? []).flatMap((e) =>
    hubSpotErrorDetails({ message: e.message, category: e.category }),
  );
  for (const write of writes) {
    const found = byLeadId.get(write.properties[HUBSPOT_LEAD_ID_PROPERTY]);
    results[write.index] = found
      ? { ok: true, crmId: found.id, created: found._new === true }
      : {
          ok: false,
          retryable: false,
          errors: batchErrors.length
            ? batchErrors
            : [{ code: "MISSING_RESULT", message: "HubSpot returned no result for this contact" }],
        };
  }
}

export async function upsertContacts(
  run: HubSpotRun,
  leads: CrmLeadWrite[],
): Promise<CrmWriteResult[]> {
  const results: CrmWriteResult[] = new Array(leads.length);
  const byMode = new Map<WriteMode, PendingWrite[]>();
  leads.forEach((lead, index) => {
    const mode = modeOf(lead);
    const write = { index, key: keyOf(mode, lead), properties: toProperties(lead) };
    byMode.set(mode, [...(byMode.get(mode) ?? []), write]);
  });
  for (const [mode, writes] of byMode) {
    for (const batch of uniqueKeyBatches(writes, HUBSPOT_BATCH_MAX)) {
      await writeBatch(run, mode, batch, results);
    }
  }
  return results;
}
