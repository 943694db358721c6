import { CrmError } from "@/lib/crm/errors";
import type { CrmErrorDetail } from "@/lib/crm/types";

// Salesforce error codes, classified once (CRM-FACTS: error body is an array of
// { message, errorCode, fields }).
const TRANSIENT_CODES = new Set([
  "UNABLE_TO_LOCK_ROW",
  "SERVER_UNAVAILABLE",
  "REQUEST_RUNNING_TOO_LONG",
]);
const QUOTA_RETRY_AFTER_MS = 60 * 60_000;

interface JsforceErrorShape {
  errorCode?: unknown;
  name?: unknown;
  message?: unknown;
  data?: unknown;
}

function asDetails(data: unknown, fallback: CrmErrorDetail): CrmErrorDetail[] {
  const items = Array.isArray(data) ? data : [data];
  const details = items.flatMap((item): CrmErrorDetail[] => {
    if (!item || typeof item !== "object") return [];
    const record = item as Record<string, unknown>;
    const code = record.errorCode ?? record.statusCode;
    if (typeof code !== "string") return [];
    const fields = Array.isArray(record.fields) ? record.fields.map(String) : undefined;
    return [{ code, message: String(record.message ?? ""), ...(fields ? { fields } : {}) }];
  });
  return details.length > 0 ? details : [fallback];
}

export function salesforceErrorCode(error: unknown): string | undefined {
  if (!error || typeof error !== "object") return undefined;
  const shape = error as JsforceErrorShape;
  return typeof shape.errorCode === "string" ? shape.errorCode : undefined;
}

export function isSalesforceSessionExpired(error: unknown): boolean {
  return salesforceErrorCode(error) === "INVALID_SESSION_ID";
}

export function isRetryableRecordError(code: string): boolean {
  return TRANSIENT_CODES.has(code);
}

/** Maps anything jsforce throws to a CrmError. */
export function classifySalesforceError(error: unknown): CrmError {
  if (error instanceof CrmError) return error;
  const code = salesforceErrorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (!code) return new CrmError("transient", `Salesforce unreachable: ${message}`);

  const shape = error as JsforceErrorShape;
  const details = asDetails(shape.data, { code, message });
  if (code === "REQUEST_LIMIT_EXCEEDED") {
    return new CrmError("quota_exhausted", message, details, QUOTA_RETRY_AFTER_MS);
  }
  if (code === "INVALID_SESSION_ID") return new CrmError("unauthorized", message, details);
  if (code === "NOT_FOUND" || code === "ENTITY_IS_DELETED") {
    return new CrmError("not_found", message, details);
  }
  if (TRANSIENT_CODES.has(code) || /^ERROR_HTTP_5\d\d$/.test(code)) {
    return new CrmError("transient", message, details);
  }
  if (code === "MULTIPLE_API_ERRORS" && details.every((d) => TRANSIENT_CODES.has(d.code))) {
    return new CrmError("transient", message, details);
  }
  return new CrmError("invalid_data", message, details);
}
