import { notFound } from "@/lib/api/errors";
import { CRM_TYPES, type CrmType } from "@/lib/crm/types";

/** The `{crm}` path segment; an unknown CRM is a 404 like any unknown path. */
export function crmTypeParam(params: Record<string, unknown>): CrmType {
  const value = params.crm;
  if (typeof value === "string" && (CRM_TYPES as readonly string[]).includes(value)) {
    return value as CrmType;
  }
  throw notFound("CRM");
}
