import { NextResponse } from "next/server";
import { z } from "zod";

import { CrmError } from "@/lib/crm/errors";
import { logger } from "@/lib/logging/logger";

// One place maps errors to HTTP. Every error body has the shape
// { error: { code, message, details? } } so clients can rely on `code`.

const STATUS_BY_CODE = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  validation_failed: 422,
  rate_limited: 429,
  crm_error: 502,
  internal_error: 500,
} as const;

export type ApiErrorCode = keyof typeof STATUS_BY_CODE;

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }

  get status(): number {
    return STATUS_BY_CODE[this.code];
  }
}

export function notFound(what = "Resource"): ApiError {
  return new ApiError("not_found", `${what} not found`);
}

export function errorBody(code: ApiErrorCode, message: string, details?: unknown) {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

export function toErrorResponse(error: unknown, requestId: string): NextResponse {
  const headers = { "x-request-id": requestId };
  if (error instanceof ApiError) {
    return NextResponse.json(errorBody(error.code, error.message, error.details), {
      status: error.status,
      headers,
    });
  }
  if (error instanceof CrmError) {
    const mapped =
      error.kind === "reconnect_required"
        ? new ApiError("conflict", "The CRM connection must be renewed: reconnect it")
        : error.kind === "rate_limited" || error.kind === "quota_exhausted"
          ? new ApiError("rate_limited", "The CRM's API limit is reached; try again later")
          : new ApiError("crm_error", "The CRM refused or failed the request", error.details);
    return toErrorResponse(mapped, requestId);
  }
  if (error instanceof z.ZodError) {
    const details = error.issues.map((issue) => ({
      path: issue.path.join("."),
      message: issue.message,
    }));
    return NextResponse.json(errorBody("validation_failed", "Invalid request", details), {
      status: 422,
      headers,
    });
  }
  logger.error({ event: "api.unhandled_error", requestId, err: error }, "unhandled error");
  return NextResponse.json(errorBody("internal_error", "Internal server error"), {
    status: 500,
    headers,
  });
}
