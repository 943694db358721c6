// Field metadata per sObject, written from the describe documentation. Org-specific picklists
// (Lead Status) are filled in per org by describeFields().
export type SfFieldType =
  | "id"
  | "string"
  | "email"
  | "phone"
  | "picklist"
  | "reference"
  | "datetime"
  | "date"
  | "boolean"
  | "double"
  | "textarea";

export type SfFieldDef = {
  name: string;
  label: string;
  type: SfFieldType;
  length: number;
  required?: boolean;
  system?: boolean;
  custom?: boolean;
  externalId?: boolean;
  unique?: boolean;
  restrictedPicklist?: boolean;
  picklist?: readonly string[];
};

const SYSTEM_FIELDS: SfFieldDef[] = [
  { name: "Id", label: "Record ID", type: "id", length: 18, system: true },
  { name: "IsDeleted", label: "Deleted", type: "boolean", length: 0, system: true },
  { name: "CreatedDate", label: "Created Date", type: "datetime", length: 0, system: true },
  {
    name: "LastModifiedDate",
    label: "Last Modified Date",
    type: "datetime",
    length: 0,
    system: true,
  },
  { name: "SystemModstamp", label: "System Modstamp", type: "datetime", length: 0, system: true },
];

const OWNER: SfFieldDef = { name: "OwnerId", label: "Owner ID", type: "reference", length: 18 };

const LEAD_FIELDS: SfFieldDef[] = [
  ...SYSTEM_FIELDS,
  { name: "FirstName", label: "First Name", type: "string", length: 40 },
  { name: "LastName", label: "Last Name", type: "string", length: 80, required: true },
  { name: "Email", label: "Email", type: "email", length: 80 },
  { name: "Company", label: "Company", type: "string", length: 255, required: true },
  { name: "Phone", label: "Phone", type: "phone", length: 40 },
  { name: "Status", label: "Status", type: "picklist", length: 255 },
  OWNER,
  {
    name: "LeadSource",
    label: "Lead Source",
    type: "picklist",
    length: 255,
    picklist: ["Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other"],
  },
  { name: "LeadScore__c", label: "Lead Score", type: "double", length: 0, custom: true },
  {
    name: "Priority__c",
    label: "Priority",
    type: "picklist",
    length: 255,
    custom: true,
    restrictedPicklist: true,
    picklist: ["Hot", "Warm", "Cold"],
  },
  {
    name: "DetectedChallenges__c",
    label: "Detected Challenges",
    type: "textarea",
    length: 131072,
    custom: true,
  },
  {
    name: "DiagnoLeadsId__c",
    label: "DiagnoLeads ID",
    type: "string",
    length: 36,
    custom: true,
    externalId: true,
    unique: true,
  },
  // A non-unique external id, as orgs often have: upserting on it can match several records (300).
  {
    name: "LegacySourceId__c",
    label: "Legacy Source ID",
    type: "string",
    length: 64,
    custom: true,
    externalId: true,
  },
];

const CONTACT_FIELDS: SfFieldDef[] = [
  ...SYSTEM_FIELDS,
  { name: "FirstName", label: "First Name", type: "string", length: 40 },
  { name: "LastName", label: "Last Name", type: "string", length: 80, required: true },
  { name: "Email", label: "Email", type: "email", length: 80 },
  { name: "Phone", label: "Phone", type: "phone", length: 40 },
  { name: "AccountId", label: "Account ID", type: "reference", length: 18 },
  OWNER,
];

const ACCOUNT_FIELDS: SfFieldDef[] = [
  ...SYSTEM_FIELDS,
  { name: "Name", label: "Account Name", type: "string", length: 255, required: true },
  { name: "Phone", label: "Phone", type: "phone", length: 40 },
  OWNER,
];

const TASK_FIELDS: SfFieldDef[] = [
  ...SYSTEM_FIELDS,
  { name: "Subject", label: "Subject", type: "string", length: 255 },
  { name: "Description", label: "Description", type: "textarea", length: 32000 },
  { name: "WhoId", label: "Name ID", type: "reference", length: 18 },
  {
    name: "Status",
    label: "Status",
    type: "picklist",
    length: 255,
    restrictedPicklist: true,
    picklist: ["Not Started", "In Progress", "Completed", "Waiting on someone else", "Deferred"],
  },
  { name: "ActivityDate", label: "Due Date Only", type: "date", length: 0 },
  {
    name: "Priority",
    label: "Priority",
    type: "picklist",
    length: 255,
    restrictedPicklist: true,
    picklist: ["High", "Normal", "Low"],
  },
  OWNER,
  // The org's admin adds this external id (DiagnoLeads' setup checklist asks for it) so that
  // an activity can be upserted: a retried write never makes a second Task.
  {
    name: "DiagnoLeadsResponseId__c",
    label: "DiagnoLeads Response ID",
    type: "string",
    length: 36,
    custom: true,
    externalId: true,
    unique: true,
  },
];

export const SOBJECTS: Record<string, SfFieldDef[]> = {
  Lead: LEAD_FIELDS,
  Contact: CONTACT_FIELDS,
  Account: ACCOUNT_FIELDS,
  Task: TASK_FIELDS,
};

export function fieldsOf(sobject: string, leadStatuses: readonly string[]): SfFieldDef[] | null {
  const fields = SOBJECTS[sobject];
  if (!fields) return null;
  if (sobject !== "Lead") return fields;
  // Restricted here on purpose: a status copied from another org must fail loudly, not slip in.
  return fields.map((f) =>
    f.name === "Status" ? { ...f, picklist: leadStatuses, restrictedPicklist: true } : f,
  );
}

export function findField(fields: SfFieldDef[], name: string): SfFieldDef | undefined {
  const lower = name.toLowerCase();
  return fields.find((f) => f.name.toLowerCase() === lower);
}
