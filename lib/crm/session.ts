import { CrmError } from "@/lib/crm/errors";

/** Access to one integration's credentials; refresh is single-flight across processes. */
export interface CrmSession {
  readonly integrationId: string;
  /** A current access token (refreshed ahead of a known expiry). */
  getAccessToken(): Promise<string>;
  /** Called after the CRM rejected `staleToken`; returns the token to retry with. */
  refreshAfterRejection(staleToken: string): Promise<string>;
}

/**
 * Runs `call` with the session's token; when the CRM says the session expired, refreshes once
 * and retries once. A second rejection right after a refresh is not refreshed again.
 */
export async function callWithSession<T>(
  session: CrmSession,
  isSessionExpired: (error: unknown) => boolean,
  call: (accessToken: string) => Promise<T>,
): Promise<T> {
  const token = await session.getAccessToken();
  try {
    return await call(token);
  } catch (error) {
    if (!isSessionExpired(error)) throw error;
  }
  const fresh = await session.refreshAfterRejection(token);
  try {
    return await call(fresh);
  } catch (error) {
    if (!isSessionExpired(error)) throw error;
    throw new CrmError("unauthorized", "The CRM rejected a freshly refreshed access token");
  }
}
