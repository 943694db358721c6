import type { SalesforceStore } from "./store";
import type { Session } from "./state-types";

export function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization") ?? "";
  const match = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(header);
  return match?.[1]?.trim() ?? null;
}

export function activeSession(store: SalesforceStore, request: Request): Session | null {
  const session = store.state.sessions[bearerToken(request) ?? ""];
  if (!session || session.expiresAt <= Date.now()) return null;
  return session;
}
