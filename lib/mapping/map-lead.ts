import type { CrmFields, CrmFieldValue } from "@/lib/crm/types";
import type { DiagnoField, FieldMapping } from "@/lib/mapping/field-mappings";
import { splitPersonName, type NameOrder } from "@/lib/mapping/names";
import { truncateCodePoints } from "@/lib/mapping/text";

export interface MappableLead {
  id: string;
  name: string;
  email: string | null;
  company: string | null;
  phone: string | null;
  score: number;
  priorityLevel: string;
  detectedChallenges: unknown;
  status: string;
  owner: string | null;
}

export interface MapOptions {
  nameOrder: NameOrder;
  /** Maximum lengths of CRM text fields, from the CRM's field metadata, when known. */
  fieldLengths?: Record<string, number>;
}

function readField(lead: MappableLead, field: DiagnoField): unknown {
  switch (field) {
    case "lead.id":
      return lead.id;
    case "lead.name":
      return lead.name;
    case "lead.email":
      return lead.email;
    case "lead.company":
      return lead.company;
    case "lead.phone":
      return lead.phone;
    case "lead.score":
      return lead.score;
    case "lead.priority_level":
      return lead.priorityLevel;
    case "lead.detected_challenges":
      return lead.detectedChallenges;
    case "lead.status":
      return lead.status;
    case "lead.owner":
      return lead.owner;
  }
}

function applyTransform(value: unknown, mapping: FieldMapping, options: MapOptions): CrmFieldValue {
  if (mapping.transform === "json") return JSON.stringify(value ?? null);
  if (mapping.transform === "split_first_name" || mapping.transform === "split_last_name") {
    const split = splitPersonName(String(value ?? ""), options.nameOrder);
    return mapping.transform === "split_first_name" ? split.firstName : split.lastName;
  }
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return value;
  }
  return JSON.stringify(value);
}

/** Applies a tenant's field mappings to a lead, truncating text to the CRM's field lengths. */
export function mapLeadToCrmFields(
  lead: MappableLead,
  mappings: FieldMapping[],
  options: MapOptions,
): CrmFields {
  const fields: CrmFields = {};
  for (const mapping of mappings) {
    let value = applyTransform(readField(lead, mapping.diagnoField), mapping, options);
    const maxLength = options.fieldLengths?.[mapping.crmField];
    if (typeof value === "string" && maxLength) value = truncateCodePoints(value, maxLength);
    if (value === "" && mapping.transform === "split_first_name") value = null;
    fields[mapping.crmField] = value;
  }
  return fields;
}
