import { z } from "zod";

import { ApiError } from "@/lib/api/errors";
import type { CrmFieldInfo, CrmType } from "@/lib/crm/types";
import type { PrismaClient } from "@/lib/db/generated/client";
import { createCrmClient } from "@/lib/integrations/crm-client-factory";
import { findIntegration } from "@/lib/integrations/integration-lookup";
import {
  DIAGNO_FIELDS,
  TRANSFORMS,
  effectiveFieldMappings,
  type FieldMapping,
} from "@/lib/mapping/field-mappings";

// The API speaks the specification's shape: { diagno_field, <crm>_field, transform }.

export function fieldMappingBodySchema(crmType: CrmType) {
  const crmField = `${crmType}_field` as const;
  const entry = z.strictObject({
    diagno_field: z.enum(DIAGNO_FIELDS),
    [crmField]: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[A-Za-z][A-Za-z0-9_]*$/, "Invalid CRM field name"),
    transform: z.enum(TRANSFORMS).nullable().default(null),
  });
  return z.strictObject({
    mappings: z
      .array(entry)
      .min(1)
      .max(100)
      .refine((items) => new Set(items.map((item) => item[crmField])).size === items.length, {
        message: "Each CRM field may be mapped only once",
      }),
  });
}

export function toApiMappings(crmType: CrmType, mappings: FieldMapping[]) {
  return mappings.map((m) => ({
    diagno_field: m.diagnoField,
    [`${crmType}_field`]: m.crmField,
    transform: m.transform,
  }));
}

/** Every target must be a writable field of this CRM, and its required fields must be fed. */
function assertMappableFields(crmType: CrmType, mappings: FieldMapping[], fields: CrmFieldInfo[]) {
  const byName = new Map(fields.map((field) => [field.name, field]));
  const details: { path: string; message: string }[] = [];
  mappings.forEach((mapping, index) => {
    const field = byName.get(mapping.crmField);
    const path = `mappings.${index}.${crmType}_field`;
    if (!field) details.push({ path, message: `${mapping.crmField} is not a field of this CRM` });
    else if (!field.writable) details.push({ path, message: `${mapping.crmField} is read-only` });
  });
  const mapped = new Set(mappings.map((mapping) => mapping.crmField));
  for (const field of fields) {
    if (field.required && !mapped.has(field.name)) {
      details.push({
        path: "mappings",
        message: `${field.name} is required by the CRM and must be mapped`,
      });
    }
  }
  if (details.length > 0)
    throw new ApiError("validation_failed", "The mapping does not fit this CRM", details);
}

export async function getFieldMappings(db: PrismaClient, tenantId: string, crmType: CrmType) {
  const integration = await findIntegration(db, tenantId, crmType);
  return effectiveFieldMappings(crmType, integration.fieldMappings);
}

export async function saveFieldMappings(
  db: PrismaClient,
  tenantId: string,
  crmType: CrmType,
  body: { mappings: Record<string, unknown>[] },
) {
  const integration = await findIntegration(db, tenantId, crmType);
  const mappings: FieldMapping[] = body.mappings.map((item) => ({
    diagnoField: item.diagno_field as FieldMapping["diagnoField"],
    crmField: String(item[`${crmType}_field`]),
    transform: (item.transform ?? null) as FieldMapping["transform"],
  }));
  if (integration.authStatus === "connected") {
    const fields = await createCrmClient(db, integration).listLeadFields();
    assertMappableFields(crmType, mappings, fields);
  }
  await db.crmIntegration.update({
    where: { id: integration.id },
    data: { fieldMappings: mappings },
  });
  return mappings;
}
