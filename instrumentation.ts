// Runs once when the server starts. Without an Inngest server the sync runs in this process;
// starting the worker here also picks up work a crash left in the outbox.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Refuse to start on invalid configuration (e.g. development secrets in production).
  const { getEnv } = await import("@/lib/config/env");
  getEnv();
  const { syncEngineMode } = await import("@/lib/sync/engine-mode");
  if (syncEngineMode() !== "inline") return;
  const { getInlineWorker } = await import("@/lib/sync/inline-worker");
  getInlineWorker().start();
}
