// One retry policy for both engines: Inngest functions and the inline worker use it alike.

export const SYNC_MAX_ATTEMPTS = 8;
const BASE_DELAY_MS = 2_000;
const MAX_DELAY_MS = 30 * 60_000;

/** Delay before retry number `attempt` (1-based), exponential with full jitter. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** While a tenant must reconnect, its entries are looked at again this often. */
export const PAUSED_RECHECK_MS = 60_000;
export const INLINE_WORKER_POLL_MS = 1_000;
