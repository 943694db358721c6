import { Connection } from "jsforce";
import { setDefaults } from "jsforce/lib/request";
import { z } from "zod";

import {
  SALESFORCE_API_VERSION,
  SALESFORCE_COLLECTION_MAX,
  SALESFORCE_LEAD_EXTERNAL_ID_FIELD,
} from "@/lib/config/crm-limits";
import { getEnv } from "@/lib/config/env";
import { CrmError, isCrmError } from "@/lib/crm/errors";
import {
  classifySalesforceError,
  isRetryableRecordError,
  isSalesforceSessionExpired,
} from "@/lib/crm/salesforce/errors";
import { upsertAssessmentTask } from "@/lib/crm/salesforce/assessment-task";
import { listSalesforceLeadChanges } from "@/lib/crm/salesforce/lead-changes";
import { callWithSession, type CrmSession } from "@/lib/crm/session";
import type {
  AssessmentActivity,
  CrmClient,
  CrmFieldInfo,
  CrmLeadChange,
  CrmLeadSnapshot,
  CrmLeadWrite,
  CrmWriteResult,
} from "@/lib/crm/types";

const collectionResultSchema = z.array(
  z.object({
    id: z.string().nullish(),
    success: z.boolean(),
    created: z.boolean().optional(),
    errors: z
      .array(
        z.object({
          statusCode: z.string(),
          message: z.string().default(""),
          fields: z.array(z.string()).default([]),
        }),
      )
      .default([]),
  }),
);

function toWriteResult(item: z.infer<typeof collectionResultSchema>[number]): CrmWriteResult {
  if (item.success && item.id) return { ok: true, crmId: item.id, created: item.created === true };
  const errors = item.errors.map((e) => ({
    code: e.statusCode,
    message: e.message,
    fields: e.fields,
  }));
  return { ok: false, retryable: errors.every((e) => isRetryableRecordError(e.code)), errors };
}

export class SalesforceClient implements CrmClient {
  readonly crmType = "salesforce" as const;
  readonly maxBatchSize = SALESFORCE_COLLECTION_MAX;

  constructor(
    private readonly session: CrmSession,
    private readonly instanceUrl: string,
  ) {}

  /** Runs one jsforce call with a current token; errors come out classified. */
  readonly run = async <T>(call: (connection: Connection) => Promise<T>): Promise<T> => {
    // jsforce's only way to bound a request's time is its process-wide fetch defaults.
    setDefaults({ followRedirect: true, timeout: getEnv().CRM_REQUEST_TIMEOUT_MS });
    try {
      return await callWithSession(this.session, isSalesforceSessionExpired, (accessToken) =>
        call(
          new Connection({
            instanceUrl: this.instanceUrl,
            accessToken,
            version: SALESFORCE_API_VERSION,
          }),
        ),
      );
    } catch (error) {
      throw classifySalesforceError(error);
    }
  };

  private dataPath(path: string): string {
    return `/services/data/v${SALESFORCE_API_VERSION}${path}`;
  }

  async upsertLeads(leads: CrmLeadWrite[]): Promise<CrmWriteResult[]> {
    if (leads.length === 0) return [];
    if (leads.length > this.maxBatchSize) throw new Error("Too many leads for one collection call");
    const records = leads.map((lead) => ({
      attributes: { type: "Lead" },
      ...lead.fields,
      [SALESFORCE_LEAD_EXTERNAL_ID_FIELD]: lead.leadId,
    }));
    const raw = await this.run((connection) =>
      connection.request({
        method: "PATCH",
        url: this.dataPath(`/composite/sobjects/Lead/${SALESFORCE_LEAD_EXTERNAL_ID_FIELD}`),
        body: JSON.stringify({ allOrNone: false, records }),
        headers: { "content-type": "application/json" },
      }),
    );
    const results = collectionResultSchema.parse(raw);
    if (results.length !== leads.length) {
      throw new CrmError("transient", "Salesforce returned a result count that does not match");
    }
    return results.map(toWriteResult);
  }

  async getLead(crmId: string): Promise<CrmLeadSnapshot | null> {
    try {
      const record = await this.run((connection) => connection.sobject("Lead").retrieve(crmId));
      const fields = record as unknown as Record<string, unknown>;
      const text = (key: string) =>
        typeof fields[key] === "string" ? (fields[key] as string) : null;
      return {
        crmId,
        status: text("Status"),
        ownerId: text("OwnerId"),
        modifiedAt: text("SystemModstamp"),
        fields: Object.fromEntries(
          Object.entries(fields).filter(([, value]) => value === null || typeof value !== "object"),
        ) as CrmLeadSnapshot["fields"],
      };
    } catch (error) {
      if (isCrmError(error, "not_found")) return null;
      throw error;
    }
  }

  async deleteLead(crmId: string): Promise<void> {
    try {
      await this.run((connection) => connection.sobject("Lead").destroy(crmId));
    } catch (error) {
      if (!isCrmError(error, "not_found")) throw error;
    }
  }

  createAssessmentActivity(crmId: string, activity: AssessmentActivity): Promise<string> {
    return upsertAssessmentTask(this.run, crmId, activity);
  }

  listLeadChangesSince(since: Date, limit: number): Promise<CrmLeadChange[]> {
    return listSalesforceLeadChanges(this.run, since, limit);
  }

  async listLeadFields(): Promise<CrmFieldInfo[]> {
    const describe = await this.run((connection) => connection.sobject("Lead").describe());
    return describe.fields.map((field) => ({
      name: field.name,
      label: field.label,
      type: field.type,
      length: field.length ?? null,
      required: !field.nillable && field.createable && !field.defaultedOnCreate,
      writable: field.createable || field.updateable,
      options: (field.picklistValues ?? [])
        .filter((option) => option.active)
        .map((option) => ({ value: option.value, label: option.label ?? option.value })),
    }));
  }
}
