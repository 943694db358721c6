import type { HsObjectType } from "./config";

export type HsPropertyType = "string" | "number" | "enumeration" | "date" | "datetime" | "bool";
export type HsOption = { label: string; value: string; displayOrder: number; hidden: boolean };

export type HsProperty = {
  name: string;
  label: string;
  type: HsPropertyType;
  fieldType: string;
  groupName: string;
  description: string;
  options: HsOption[];
  hasUniqueValue: boolean;
  hidden: boolean;
  formField: boolean;
  calculated: boolean;
  externalOptions: boolean;
  modificationMetadata: {
    archivable: boolean;
    readOnlyDefinition: boolean;
    readOnlyValue: boolean;
  };
  createdAt?: string;
  updatedAt?: string;
  archived: boolean;
};

export type HsPropertyGroup = {
  name: string;
  label: string;
  displayOrder: number;
  archived: boolean;
};

type Spec = [
  name: string,
  label: string,
  type: HsPropertyType,
  fieldType: string,
  extra?: Partial<HsProperty>,
];

const READ_ONLY = {
  modificationMetadata: { archivable: false, readOnlyDefinition: true, readOnlyValue: true },
};

const LEAD_STATUSES = [
  "NEW",
  "OPEN",
  "IN_PROGRESS",
  "OPEN_DEAL",
  "UNQUALIFIED",
  "ATTEMPTED_TO_CONTACT",
  "CONNECTED",
  "BAD_TIMING",
];
const LEAD_STATUS_LABELS = [
  "New",
  "Open",
  "In Progress",
  "Open Deal",
  "Unqualified",
  "Attempted to Contact",
  "Connected",
  "Bad Timing",
];

export function options(values: string[], labels: string[] = values): HsOption[] {
  return values.map((value, i) => ({
    value,
    label: labels[i] ?? value,
    displayOrder: i,
    hidden: false,
  }));
}

// Contacts keep the historical name lastmodifieddate; the other objects use hs_lastmodifieddate.
export function modifiedProperty(objectType: HsObjectType): string {
  return objectType === "contacts" ? "lastmodifieddate" : "hs_lastmodifieddate";
}

const common = (objectType: HsObjectType): Spec[] => [
  ["hs_object_id", "Record ID", "number", "number", READ_ONLY],
  ["createdate", "Create Date", "datetime", "date", READ_ONLY],
  [modifiedProperty(objectType), "Last Modified Date", "datetime", "date", READ_ONLY],
  ["hubspot_owner_id", "Owner", "enumeration", "select"],
];

const SPECS: Record<HsObjectType, Spec[]> = {
  contacts: [
    ...common("contacts"),
    ["firstname", "First Name", "string", "text"],
    ["lastname", "Last Name", "string", "text"],
    ["email", "Email", "string", "text", { hasUniqueValue: true }],
    ["company", "Company Name", "string", "text"],
    ["phone", "Phone Number", "string", "phonenumber"],
    ["hs_lead_score", "Lead Score", "number", "number"],
    [
      "hs_lead_status",
      "Lead Status",
      "enumeration",
      "radio",
      { options: options(LEAD_STATUSES, LEAD_STATUS_LABELS) },
    ],
    [
      "lifecyclestage",
      "Lifecycle Stage",
      "enumeration",
      "radio",
      {
        options: options(
          [
            "subscriber",
            "lead",
            "marketingqualifiedlead",
            "salesqualifiedlead",
            "opportunity",
            "customer",
          ],
          [
            "Subscriber",
            "Lead",
            "Marketing Qualified Lead",
            "Sales Qualified Lead",
            "Opportunity",
            "Customer",
          ],
        ),
      },
    ],
    ["date_of_birth", "Date of birth", "date", "date"],
  ],
  companies: [
    ...common("companies"),
    ["name", "Name", "string", "text"],
    ["domain", "Domain", "string", "text"],
  ],
  deals: [
    ...common("deals"),
    ["dealname", "Deal Name", "string", "text"],
    ["amount", "Amount", "number", "number"],
    [
      "dealstage",
      "Deal Stage",
      "enumeration",
      "radio",
      { options: options(["appointmentscheduled", "closedwon", "closedlost"]) },
    ],
  ],
  notes: [
    ...common("notes"),
    ["hs_note_body", "Note body", "string", "html"],
    ["hs_timestamp", "Activity date", "datetime", "date"],
  ],
};

export function defaultProperties(objectType: HsObjectType, ownerIds: string[]): HsProperty[] {
  return SPECS[objectType].map(([name, label, type, fieldType, extra]) => ({
    name,
    label,
    type,
    fieldType,
    groupName: `${objectType.replace(/s$/, "")}information`,
    description: "",
    options: [],
    hasUniqueValue: false,
    hidden: false,
    formField: true,
    calculated: false,
    externalOptions: false,
    archived: false,
    modificationMetadata: { archivable: true, readOnlyDefinition: true, readOnlyValue: false },
    ...extra,
    ...(name === "hubspot_owner_id" ? { options: options(ownerIds) } : {}),
  }));
}

export function defaultGroups(objectType: HsObjectType): HsPropertyGroup[] {
  const singular = objectType.replace(/s$/, "");
  return [
    {
      name: `${singular}information`,
      label: `${singular} information`,
      displayOrder: 0,
      archived: false,
    },
  ];
}

// Properties returned when a read names none, as the v3 objects API does.
export const DEFAULT_READ_PROPERTIES: Record<HsObjectType, string[]> = {
  contacts: ["firstname", "lastname", "email", "createdate", "lastmodifieddate", "hs_object_id"],
  companies: ["name", "domain", "createdate", "hs_lastmodifieddate", "hs_object_id"],
  deals: ["dealname", "amount", "dealstage", "createdate", "hs_lastmodifieddate", "hs_object_id"],
  notes: ["hs_note_body", "hs_timestamp", "createdate", "hs_lastmodifieddate", "hs_object_id"],
};
