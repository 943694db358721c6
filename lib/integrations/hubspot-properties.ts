import type {
  PropertyCreateFieldTypeEnum,
  PropertyCreateTypeEnum,
} from "@hubspot/api-client/lib/codegen/crm/properties";

import {
  HUBSPOT_LEAD_ID_PROPERTY,
  HUBSPOT_NOTE_ID_PROPERTY,
  HUBSPOT_PROPERTY_GROUP,
} from "@/lib/config/crm-limits";
import type { HubSpotClient } from "@/lib/crm/hubspot/client";
import { PRIORITY_LEVELS } from "@/lib/leads/lead-schemas";

// The contact properties DiagnoLeads needs that a HubSpot portal does not have by itself.
// They are created in a "DiagnoLeads" group (needs the crm.schemas.contacts.write scope).

// Only the enums' types are imported (their deep module paths cannot stay external in Next);
// the values are the API's own strings.
const PropertyType = {
  String: "string" as unknown as PropertyCreateTypeEnum,
  Enumeration: "enumeration" as unknown as PropertyCreateTypeEnum,
};
const FieldType = {
  Text: "text" as unknown as PropertyCreateFieldTypeEnum,
  Textarea: "textarea" as unknown as PropertyCreateFieldTypeEnum,
  Select: "select" as unknown as PropertyCreateFieldTypeEnum,
};

interface PropertySpec {
  name: string;
  label: string;
  type: PropertyCreateTypeEnum;
  fieldType: PropertyCreateFieldTypeEnum;
  options?: { label: string; value: string; displayOrder: number; hidden: boolean }[];
  hasUniqueValue?: boolean;
}

export const HUBSPOT_CUSTOM_PROPERTIES: PropertySpec[] = [
  {
    name: "lead_priority",
    label: "Lead priority (DiagnoLeads)",
    type: PropertyType.Enumeration,
    fieldType: FieldType.Select,
    options: PRIORITY_LEVELS.map((value, index) => ({
      label: value,
      value,
      displayOrder: index,
      hidden: false,
    })),
  },
  {
    name: "detected_challenges",
    label: "Detected challenges (DiagnoLeads)",
    type: PropertyType.String,
    fieldType: FieldType.Textarea,
  },
  {
    name: HUBSPOT_LEAD_ID_PROPERTY,
    label: "DiagnoLeads lead ID",
    type: PropertyType.String,
    fieldType: FieldType.Text,
    hasUniqueValue: true,
  },
];

/** Creates the missing custom properties; returns the names created. */
/** The note property that makes assessment notes upsertable (one note per response). */
export const HUBSPOT_NOTE_PROPERTIES: PropertySpec[] = [
  {
    name: HUBSPOT_NOTE_ID_PROPERTY,
    label: "DiagnoLeads response ID",
    type: PropertyType.String,
    fieldType: FieldType.Text,
    hasUniqueValue: true,
  },
];

/** Creates the missing custom properties of one object type; returns the names created. */
export async function ensureHubSpotProperties(
  client: HubSpotClient,
  objectType: "contacts" | "notes",
  specs: PropertySpec[],
  existing: Set<string>,
) {
  const missing = specs.filter((spec) => !existing.has(spec.name));
  if (missing.length === 0) return [];
  const groups = await client.run((api) => api.crm.properties.groupsApi.getAll(objectType));
  if (!groups.results.some((group) => group.name === HUBSPOT_PROPERTY_GROUP)) {
    await client.run((api) =>
      api.crm.properties.groupsApi.create(objectType, {
        name: HUBSPOT_PROPERTY_GROUP,
        label: "DiagnoLeads",
      }),
    );
  }
  for (const spec of missing) {
    await client.run((api) =>
      api.crm.properties.coreApi.create(objectType, { ...spec, groupName: HUBSPOT_PROPERTY_GROUP }),
    );
  }
  return missing.map((spec) => spec.name);
}
