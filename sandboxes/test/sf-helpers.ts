import { createHash, randomBytes } from "node:crypto";
import jsforce from "jsforce";
import type { SalesforceSandbox } from "../salesforce";

export const SF_CLIENT = {
  clientId: "diagnoleads-sf-client",
  clientSecret: "diagnoleads-sf-secret",
};
export const REDIRECT_URI = "http://localhost:3000/api/integrations/salesforce/callback";

export type SfTokens = {
  access_token: string;
  refresh_token: string;
  instance_url: string;
  id: string;
  issued_at: string;
  signature: string;
  token_type: string;
  scope: string;
};

// Drives the authorize page the way a browser would: GET the page, submit the Allow form.
export async function authorizeCode(
  loginUrl: string,
  {
    state = "st-1",
    challenge,
    decision = "approve",
  }: { state?: string; challenge?: string; decision?: "approve" | "deny" } = {},
): Promise<URL> {
  const query = new URLSearchParams({
    response_type: "code",
    client_id: SF_CLIENT.clientId,
    redirect_uri: REDIRECT_URI,
    state,
    scope: "api refresh_token",
  });
  if (challenge) {
    query.set("code_challenge", challenge);
    query.set("code_challenge_method", "S256");
  }
  const page = await (await fetch(`${loginUrl}/services/oauth2/authorize?${query}`)).text();
  const requestId = /name="request_id" value="([^"]+)"/.exec(page)?.[1] ?? "";
  const answer = await fetch(`${loginUrl}/services/oauth2/authorize/decision`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ request_id: requestId, decision }),
  });
  return new URL(answer.headers.get("location") ?? "http://invalid/");
}

export function pkcePair() {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

export async function tokenRequest(loginUrl: string, fields: Record<string, string>) {
  return fetch(`${loginUrl}/services/oauth2/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
}

export async function connectOrg(
  sandbox: SalesforceSandbox,
  org: "production" | "sandbox" = "production",
) {
  const loginUrl = org === "production" ? sandbox.loginUrl : sandbox.testLoginUrl;
  const code = (await authorizeCode(loginUrl)).searchParams.get("code") ?? "";
  const response = await tokenRequest(loginUrl, {
    grant_type: "authorization_code",
    code,
    client_id: SF_CLIENT.clientId,
    client_secret: SF_CLIENT.clientSecret,
    redirect_uri: REDIRECT_URI,
  });
  const tokens = (await response.json()) as SfTokens;
  const conn = new jsforce.Connection({
    oauth2: { loginUrl, ...SF_CLIENT, redirectUri: REDIRECT_URI },
    instanceUrl: tokens.instance_url,
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    version: "57.0",
  });
  return { conn, tokens, loginUrl };
}

export function validLead(overrides: Record<string, unknown> = {}) {
  return {
    LastName: "山田",
    FirstName: "太郎",
    Company: "株式会社テスト",
    Email: "taro@example.jp",
    ...overrides,
  };
}
