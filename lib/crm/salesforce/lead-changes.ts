import type { Connection } from "jsforce";
import { z } from "zod";

import { SALESFORCE_LEAD_EXTERNAL_ID_FIELD } from "@/lib/config/crm-limits";
import type { CrmLeadChange } from "@/lib/crm/types";

// Polling: SOQL on SystemModstamp, oldest first, following nextRecordsUrl (CRM-FACTS).

type Run = <T>(call: (connection: Connection) => Promise<T>) => Promise<T>;

const pageSchema = z.object({
  done: z.boolean(),
  nextRecordsUrl: z.string().optional(),
  records: z.array(z.record(z.string(), z.unknown())),
});

/** SOQL datetime literal: UTC, whole seconds (SOQL takes no fractions). */
function soqlDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function toChange(record: Record<string, unknown>): CrmLeadChange | null {
  const text = (key: string) => (typeof record[key] === "string" ? (record[key] as string) : null);
  const crmId = text("Id");
  const modified = text("SystemModstamp");
  if (!crmId || !modified) return null;
  return {
    crmId,
    leadId: text(SALESFORCE_LEAD_EXTERNAL_ID_FIELD),
    status: text("Status"),
    ownerId: text("OwnerId"),
    changedAt: new Date(modified),
  };
}

export async function listSalesforceLeadChanges(run: Run, since: Date, limit: number) {
  const soql =
    `SELECT Id, Status, OwnerId, SystemModstamp, ${SALESFORCE_LEAD_EXTERNAL_ID_FIELD} FROM Lead ` +
    `WHERE SystemModstamp > ${soqlDateTime(since)} ORDER BY SystemModstamp LIMIT ${limit}`;
  let page = pageSchema.parse(await run(async (connection) => await connection.query(soql)));
  const records = [...page.records];
  while (!page.done && page.nextRecordsUrl && records.length < limit) {
    const next = page.nextRecordsUrl;
    page = pageSchema.parse(await run(async (connection) => await connection.queryMore(next)));
    records.push(...page.records);
  }
  return records.flatMap((record) => toChange(record) ?? []);
}
