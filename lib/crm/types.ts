// The contract every CRM client fulfils. The sync engine speaks only this.

export const CRM_TYPES = ["salesforce", "hubspot"] as const;
export type CrmType = (typeof CRM_TYPES)[number];

export type CrmFieldValue = string | number | boolean | null;
export type CrmFields = Record<string, CrmFieldValue>;

export interface CrmLeadWrite {
  /** Our lead id; the idempotency key in the CRM (external id / unique property). */
  leadId: string;
  /** The CRM record id when we already know it. */
  crmId: string | null;
  fields: CrmFields;
}

export interface CrmErrorDetail {
  code: string;
  message: string;
  fields?: string[];
}

export type CrmWriteResult =
  | { ok: true; crmId: string; created: boolean }
  | { ok: false; retryable: boolean; errors: CrmErrorDetail[] };

export interface CrmLeadSnapshot {
  crmId: string;
  status: string | null;
  ownerId: string | null;
  modifiedAt: string | null;
  fields: CrmFields;
}

/** A status / owner change read from the CRM (webhook, outbound message or polling). */
export interface CrmLeadChange {
  crmId: string;
  /** Our lead id when the CRM record carries it (external id / unique property). */
  leadId: string | null;
  /** undefined: not part of this change; null: cleared in the CRM. */
  status?: string | null;
  ownerId?: string | null;
  changedAt: Date;
}

export interface CrmFieldInfo {
  name: string;
  label: string;
  type: string;
  length: number | null;
  required: boolean;
  writable: boolean;
  options: { value: string; label: string }[];
}

export interface AssessmentActivity {
  responseId: string;
  title: string;
  body: string;
  completedAt: Date;
}

export interface CrmClient {
  readonly crmType: CrmType;
  /** Creates or updates leads idempotently; one result per input, in input order. */
  upsertLeads(leads: CrmLeadWrite[]): Promise<CrmWriteResult[]>;
  getLead(crmId: string): Promise<CrmLeadSnapshot | null>;
  /** Deletes a lead; a lead already gone counts as deleted. */
  deleteLead(crmId: string): Promise<void>;
  /** Records a completed assessment as an activity (Task / Note) on the lead; returns its id. */
  createAssessmentActivity(crmId: string, activity: AssessmentActivity): Promise<string>;
  listLeadFields(): Promise<CrmFieldInfo[]>;
  /** Leads changed in the CRM after `since`, oldest first, at most `limit`. */
  listLeadChangesSince(since: Date, limit: number): Promise<CrmLeadChange[]>;
  /** The most records one write call may carry. */
  readonly maxBatchSize: number;
}
