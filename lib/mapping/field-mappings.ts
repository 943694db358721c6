import { z } from "zod";

import type { CrmType } from "@/lib/crm/types";

// What a tenant maps: a DiagnoLeads lead field to a CRM field, with an optional transform.

export const DIAGNO_FIELDS = [
  "lead.id",
  "lead.name",
  "lead.email",
  "lead.company",
  "lead.phone",
  "lead.score",
  "lead.priority_level",
  "lead.detected_challenges",
  "lead.status",
  "lead.owner",
] as const;
export type DiagnoField = (typeof DIAGNO_FIELDS)[number];

export const TRANSFORMS = ["split_first_name", "split_last_name", "json"] as const;
export type Transform = (typeof TRANSFORMS)[number];

export const fieldMappingSchema = z.object({
  diagnoField: z.enum(DIAGNO_FIELDS),
  crmField: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z][A-Za-z0-9_]*$/),
  transform: z.enum(TRANSFORMS).nullable(),
});
export type FieldMapping = z.infer<typeof fieldMappingSchema>;
export const fieldMappingsSchema = z.array(fieldMappingSchema).max(100);

function mapping(diagnoField: DiagnoField, crmField: string, transform: Transform | null = null) {
  return { diagnoField, crmField, transform };
}

// The customer's specification, section "mapping".
const DEFAULTS: Record<CrmType, FieldMapping[]> = {
  salesforce: [
    mapping("lead.name", "FirstName", "split_first_name"),
    mapping("lead.name", "LastName", "split_last_name"),
    mapping("lead.email", "Email"),
    mapping("lead.company", "Company"),
    mapping("lead.phone", "Phone"),
    mapping("lead.score", "LeadScore__c"),
    mapping("lead.priority_level", "Priority__c"),
    mapping("lead.detected_challenges", "DetectedChallenges__c", "json"),
  ],
  hubspot: [
    mapping("lead.name", "firstname", "split_first_name"),
    mapping("lead.name", "lastname", "split_last_name"),
    mapping("lead.email", "email"),
    mapping("lead.company", "company"),
    mapping("lead.phone", "phone"),
    mapping("lead.score", "hs_lead_score"),
    mapping("lead.priority_level", "lead_priority"),
    mapping("lead.detected_challenges", "detected_challenges", "json"),
  ],
};

export function defaultFieldMappings(crmType: CrmType): FieldMapping[] {
  return DEFAULTS[crmType].map((entry) => ({ ...entry }));
}

/** The stored mappings if valid, else the defaults. */
export function effectiveFieldMappings(crmType: CrmType, stored: unknown): FieldMapping[] {
  const parsed = fieldMappingsSchema.safeParse(stored);
  return parsed.success && parsed.data.length > 0 ? parsed.data : defaultFieldMappings(crmType);
}
