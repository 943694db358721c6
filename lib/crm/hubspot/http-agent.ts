import http from "node:http";
import https from "node:https";
import type { Socket } from "node:net";

import { getEnv } from "@/lib/config/env";

// @hubspot/api-client has no request time-out: given an agent it uses node:http, so the agent
// destroys a socket that stays silent for CRM_REQUEST_TIMEOUT_MS, which fails the request
// (and the sync retries it idempotently) instead of hanging a worker.

function withSilenceLimit(socket: Socket, timeoutMs: number): Socket {
  socket.setTimeout(timeoutMs, () => socket.destroy(new Error("HubSpot request timed out")));
  return socket;
}

class TimedHttpAgent extends http.Agent {
  constructor(private readonly timeoutMs: number) {
    // The agent re-applies `timeout` to sockets it reuses, keeping the limit on every request.
    super({ keepAlive: true, timeout: timeoutMs });
  }

  override createConnection(...args: Parameters<http.Agent["createConnection"]>) {
    return withSilenceLimit(super.createConnection(...args) as Socket, this.timeoutMs);
  }
}

class TimedHttpsAgent extends https.Agent {
  constructor(private readonly timeoutMs: number) {
    super({ keepAlive: true, timeout: timeoutMs });
  }

  override createConnection(...args: Parameters<https.Agent["createConnection"]>) {
    return withSilenceLimit(super.createConnection(...args) as Socket, this.timeoutMs);
  }
}

let cached: { key: string; agent: http.Agent } | undefined;

/** One keep-alive agent per API base URL and time-out. */
export function hubSpotHttpAgent(): http.Agent {
  const env = getEnv();
  const key = `${env.HUBSPOT_API_URL}|${env.CRM_REQUEST_TIMEOUT_MS}`;
  if (cached?.key !== key) {
    const secure = new URL(env.HUBSPOT_API_URL).protocol === "https:";
    const agent = secure
      ? new TimedHttpsAgent(env.CRM_REQUEST_TIMEOUT_MS)
      : new TimedHttpAgent(env.CRM_REQUEST_TIMEOUT_MS);
    cached = { key, agent };
  }
  return cached.agent;
}
