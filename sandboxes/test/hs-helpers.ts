import { Client } from "@hubspot/api-client";
import type { HubSpotSandbox } from "../hubspot";

export const HS_CLIENT = {
  clientId: "diagnoleads-hs-client",
  clientSecret: "diagnoleads-hs-secret",
};
export const HS_REDIRECT = "http://localhost:3000/api/integrations/hubspot/callback";

export async function authorizeHubSpot(
  appUrl: string,
  { portalId, decision = "approve" }: { portalId?: number; decision?: string } = {},
): Promise<URL> {
  const query = new URLSearchParams({
    client_id: HS_CLIENT.clientId,
    redirect_uri: HS_REDIRECT,
    scope: "crm.objects.contacts.write crm.schemas.contacts.write oauth",
    state: "s-1",
  });
  const page = await (await fetch(`${appUrl}/oauth/authorize?${query}`)).text();
  const requestId = /name="request_id" value="([^"]+)"/.exec(page)?.[1] ?? "";
  const firstPortal = /<option value="(\d+)"/.exec(page)?.[1] ?? "";
  const answer = await fetch(`${appUrl}/oauth/authorize/decision`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      request_id: requestId,
      decision,
      portal_id: String(portalId ?? firstPortal),
    }),
  });
  return new URL(answer.headers.get("location") ?? "http://invalid/");
}

export async function connectPortal(hs: HubSpotSandbox, portalId?: number) {
  const code = (await authorizeHubSpot(hs.appUrl, { portalId })).searchParams.get("code") ?? "";
  const anonymous = new Client({ basePath: hs.apiUrl });
  const tokens = await anonymous.oauth.tokensApi.create(
    "authorization_code",
    code,
    HS_REDIRECT,
    HS_CLIENT.clientId,
    HS_CLIENT.clientSecret,
  );
  const client = new Client({ accessToken: tokens.accessToken, basePath: hs.apiUrl });
  return { client, tokens };
}

export type HsApiError = {
  code: number;
  body: Record<string, unknown>;
  headers: Record<string, string>;
};

export async function apiError(promise: Promise<unknown>): Promise<HsApiError> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code?: number; body?: unknown; headers?: Record<string, string> };
    const body =
      typeof e.body === "string"
        ? (JSON.parse(e.body) as Record<string, unknown>)
        : (e.body as Record<string, unknown>);
    return { code: e.code ?? 0, body, headers: e.headers ?? {} };
  }
  throw new Error("expected the call to fail");
}
