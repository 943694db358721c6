import type { CrmErrorDetail } from "@/lib/crm/types";

// Provider errors are classified once, in each client, into these kinds; the sync engine
// decides what to do by kind, never by message text.
export type CrmErrorKind =
  /** The refresh token is dead (revoked, expired): an admin must reconnect. */
  | "reconnect_required"
  /** Rejected even with a fresh access token. */
  | "unauthorized"
  /** Too many requests: wait `retryAfterMs`, not an attempt that failed. */
  | "rate_limited"
  /** The org's API allocation is used up: pause and resume later. */
  | "quota_exhausted"
  /** Network failure, timeout, 5xx, row lock: try again with backoff. */
  | "transient"
  /** The CRM rejected the data: retrying the same data cannot succeed. */
  | "invalid_data"
  | "not_found";

export class CrmError extends Error {
  constructor(
    readonly kind: CrmErrorKind,
    message: string,
    readonly details: CrmErrorDetail[] = [],
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "CrmError";
  }

  get retryable(): boolean {
    return this.kind !== "invalid_data" && this.kind !== "not_found";
  }
}

export function isCrmError(error: unknown, kind?: CrmErrorKind): error is CrmError {
  return error instanceof CrmError && (kind === undefined || error.kind === kind);
}
