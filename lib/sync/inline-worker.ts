import { INLINE_WORKER_POLL_MS } from "@/lib/config/sync-policy";
import { getPrisma } from "@/lib/db/client";
import { pollDueIntegrations } from "@/lib/inbound/poll-crm-changes";
import { refreshDueTokens } from "@/lib/integrations/refresh-due-tokens";
import { logger } from "@/lib/logging/logger";
import { syncDueEntries } from "@/lib/sync/sync-engine";

// The in-process engine used when no Inngest server is configured. It polls the outbox, so
// work left behind by a crash is picked up at the next start, and wakes early on new work.

const CLAIM_BATCH = 200;
/** The inline counterpart of the refresh-tokens and poll-crm-changes crons. */
const SCHEDULED_WORK_EVERY_MS = 60_000;

export class InlineSyncWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private wakeAgain = false;
  private paused = false;
  private lastScheduledWork = 0;

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.wake(), INLINE_WORKER_POLL_MS);
    this.timer.unref();
    this.wake();
    logger.info({ event: "sync.inline_worker_started" });
  }

  /** Runs a drain now, or right after the current one. */
  wake(): void {
    if (this.paused) return;
    if (this.running) {
      this.wakeAgain = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.wakeAgain) {
        this.wakeAgain = false;
        this.wake();
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      if (Date.now() - this.lastScheduledWork >= SCHEDULED_WORK_EVERY_MS) {
        this.lastScheduledWork = Date.now();
        await refreshDueTokens(getPrisma());
        await pollDueIntegrations(getPrisma());
      }
      while ((await syncDueEntries(getPrisma(), { limit: CLAIM_BATCH })) > 0) {
        // keep draining while there is due work
      }
    } catch (error) {
      logger.error({ event: "sync.inline_worker_failed", err: error });
    }
  }

  /** Resolves when no drain is running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Stops polling and ignores wake-ups until resumed (maintenance; tests that drive sync). */
  async pause(): Promise<void> {
    this.paused = true;
    this.stop();
    await this.idle();
  }

  resume(): void {
    this.paused = false;
    this.start();
  }
}

const holder = globalThis as typeof globalThis & { __inlineSyncWorker?: InlineSyncWorker };

/** One worker per process, shared by route handlers and the start-up hook (which starts it). */
export function getInlineWorker(): InlineSyncWorker {
  holder.__inlineSyncWorker ??= new InlineSyncWorker();
  return holder.__inlineSyncWorker;
}
