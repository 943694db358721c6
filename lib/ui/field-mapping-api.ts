import { z } from "zod";

import type { CrmType } from "@/lib/crm/types";
import { DIAGNO_FIELDS, TRANSFORMS, type FieldMapping } from "@/lib/mapping/field-mappings";
import { requestJson } from "@/lib/ui/api-client";

// The field-mapping and crm-fields APIs, validated at the boundary. The API names the CRM key
// `<crm>_field`; the editor works on FieldMapping ({ diagnoField, crmField, transform }).

const crmFieldSchema = z.object({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  length: z.number().nullable(),
  required: z.boolean(),
  options: z.array(z.object({ value: z.string(), label: z.string() })),
});
export type CrmFieldView = z.infer<typeof crmFieldSchema>;

const crmFieldsResponseSchema = z.object({ fields: z.array(crmFieldSchema) });

function mappingsResponseSchema(crm: CrmType) {
  const entry = z.object({
    diagno_field: z.enum(DIAGNO_FIELDS),
    [`${crm}_field`]: z.string(),
    transform: z.enum(TRANSFORMS).nullable(),
  });
  return z.object({ mappings: z.array(entry) });
}

function integrationUrl(tenantId: string, crm: CrmType, resource: string): string {
  return `/api/v1/tenants/${encodeURIComponent(tenantId)}/integrations/${crm}/${resource}`;
}

function fromApi(crm: CrmType, body: { mappings: Record<string, unknown>[] }): FieldMapping[] {
  return body.mappings.map((entry) => ({
    diagnoField: entry.diagno_field as FieldMapping["diagnoField"],
    crmField: String(entry[`${crm}_field`]),
    transform: (entry.transform ?? null) as FieldMapping["transform"],
  }));
}

export async function fetchCrmFields(tenantId: string, crm: CrmType): Promise<CrmFieldView[]> {
  const body = await requestJson(
    integrationUrl(tenantId, crm, "crm-fields"),
    crmFieldsResponseSchema,
  );
  return body.fields;
}

export async function fetchFieldMappings(tenantId: string, crm: CrmType): Promise<FieldMapping[]> {
  const body = await requestJson(
    integrationUrl(tenantId, crm, "field-mapping"),
    mappingsResponseSchema(crm),
  );
  return fromApi(crm, body);
}

const validationErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

export interface ValidationIssue {
  path: string;
  message: string;
}

/** A rejected save; `issues` are the 422's per-field details, so rows can show their own. */
export class FieldMappingSaveError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly issues: ValidationIssue[],
  ) {
    super(message);
    this.name = "FieldMappingSaveError";
  }
}

// Not requestJson: ApiClientError drops `details`, which this editor needs per row.
export async function saveFieldMappings(
  tenantId: string,
  crm: CrmType,
  mappings: FieldMapping[],
): Promise<FieldMapping[]> {
  const payload = mappings.map((m) => ({
    diagno_field: m.diagnoField,
    [`${crm}_field`]: m.crmField,
    transform: m.transform,
  }));
  const response = await fetch(integrationUrl(tenantId, crm, "field-mapping"), {
    method: "PUT",
    headers: { Accept: "application/json", "Content-Type": "application/json" },
    credentials: "same-origin",
    body: JSON.stringify({ mappings: payload }),
  });
  const body: unknown = await response.json().catch(() => null);

  if (!response.ok) {
    const parsed = validationErrorSchema.safeParse(body);
    throw new FieldMappingSaveError(
      parsed.success ? parsed.data.error.message : `Save failed (HTTP ${response.status})`,
      response.status,
      parsed.success ? (parsed.data.error.details ?? []) : [],
    );
  }
  return fromApi(crm, mappingsResponseSchema(crm).parse(body));
}
