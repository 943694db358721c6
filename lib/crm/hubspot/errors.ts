import { CrmError } from "@/lib/crm/errors";
import type { CrmErrorDetail } from "@/lib/crm/types";

// HubSpot errors, classified once. Body: { status, message, correlationId, category,
// errors?: [{ message, in? }] }; every field is optional (CRM-FACTS).

const TEN_SECONDS_MS = 10_000;

interface HubSpotErrorBody {
  message?: string;
  category?: string;
  errorType?: string;
  policyName?: string;
  errors?: { message?: string; in?: string; code?: string }[];
}

function statusOf(error: unknown): number | undefined {
  if (!error || typeof error !== "object" || !("code" in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === "number" ? code : undefined;
}

export function hubSpotErrorBody(error: unknown): HubSpotErrorBody {
  if (!error || typeof error !== "object" || !("body" in error)) return {};
  let body = (error as { body: unknown }).body;
  if (typeof body === "string") {
    const text = body;
    try {
      body = JSON.parse(text);
    } catch {
      return { message: text };
    }
  }
  return body && typeof body === "object" ? (body as HubSpotErrorBody) : {};
}

export function isHubSpotSessionExpired(error: unknown): boolean {
  return statusOf(error) === 401;
}

function retryAfterMs(error: unknown): number {
  const headers = (error as { headers?: Record<string, string> }).headers ?? {};
  const interval = Number(headers["x-hubspot-ratelimit-interval-milliseconds"]);
  return Number.isFinite(interval) && interval > 0 ? interval : TEN_SECONDS_MS;
}

export function hubSpotErrorDetails(body: HubSpotErrorBody): CrmErrorDetail[] {
  const code = body.category ?? body.errorType ?? "ERROR";
  const nested = (body.errors ?? []).map((item) => ({
    code: item.code ?? code,
    message: item.message ?? "",
    ...(item.in ? { fields: [item.in] } : {}),
  }));
  return [{ code, message: body.message ?? "" }, ...nested];
}

/**
 * HubSpot only states the existing contact's id in the conflict message
 * ("Contact already exists. Existing ID: 901"), so it is read here, in one place.
 */
export function existingIdFromConflict(message: string | undefined): string | null {
  const match = /Existing ID:\s*(\d+)/.exec(message ?? "");
  return match?.[1] ?? null;
}

export function classifyHubSpotError(error: unknown): CrmError {
  if (error instanceof CrmError) return error;
  const status = statusOf(error);
  const body = hubSpotErrorBody(error);
  const message = body.message ?? (error instanceof Error ? error.message : String(error));
  if (status === undefined) return new CrmError("transient", `HubSpot unreachable: ${message}`);

  const details = hubSpotErrorDetails(body);
  if (status === 429) return new CrmError("rate_limited", message, details, retryAfterMs(error));
  if (status === 401) return new CrmError("unauthorized", message, details);
  if (status === 404) return new CrmError("not_found", message, details);
  if (status >= 500 || status === 408) return new CrmError("transient", message, details);
  return new CrmError("invalid_data", message, details);
}
