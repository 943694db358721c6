import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSalesforceSandbox, type SalesforceSandbox } from "../salesforce";
import {
  authorizeCode,
  connectOrg,
  pkcePair,
  REDIRECT_URI,
  SF_CLIENT,
  tokenRequest,
  type SfTokens,
} from "./sf-helpers";
import { getJson } from "./wait";

let sf: SalesforceSandbox;
beforeAll(async () => {
  sf = await startSalesforceSandbox();
});
afterAll(async () => {
  await sf.close();
});
beforeEach(async () => {
  await fetch(`${sf.instanceUrl}/__sandbox/reset`, { method: "POST" });
});

const exchange = (loginUrl: string, code: string, extra: Record<string, string> = {}) =>
  tokenRequest(loginUrl, {
    grant_type: "authorization_code",
    code,
    client_id: SF_CLIENT.clientId,
    client_secret: SF_CLIENT.clientSecret,
    redirect_uri: REDIRECT_URI,
    ...extra,
  });

describe("Salesforce OAuth web-server flow", () => {
  it("issues tokens pointing at the instance host, without expires_in", async () => {
    const redirect = await authorizeCode(sf.loginUrl, { state: "abc" });
    expect(redirect.searchParams.get("state")).toBe("abc");
    const response = await exchange(sf.loginUrl, redirect.searchParams.get("code") ?? "");
    expect(response.status).toBe(200);
    const body = (await response.json()) as SfTokens & { expires_in?: number };
    expect(body.instance_url).toBe(sf.instanceUrl);
    expect(body.id).toMatch(new RegExp(`^${sf.loginUrl}/id/00D\\w{15}/005\\w{15}$`));
    expect(body.token_type).toBe("Bearer");
    expect(body.expires_in).toBeUndefined();
    expect(body.refresh_token).toBeTruthy();
    expect(body.issued_at).toMatch(/^\d{13}$/);
  });

  it("redirects with access_denied when the user denies", async () => {
    const redirect = await authorizeCode(sf.loginUrl, { state: "xyz", decision: "deny" });
    expect(redirect.searchParams.get("error")).toBe("access_denied");
    expect(redirect.searchParams.get("state")).toBe("xyz");
    expect(redirect.searchParams.get("code")).toBeNull();
  });

  it("rejects an unknown client id and a wrong secret", async () => {
    const page = await fetch(
      `${sf.loginUrl}/services/oauth2/authorize?response_type=code` +
        `&client_id=nope&redirect_uri=${encodeURIComponent(REDIRECT_URI)}`,
    );
    expect(page.status).toBe(400);
    expect(await page.text()).toContain("invalid_client_id");

    const code = (await authorizeCode(sf.loginUrl)).searchParams.get("code") ?? "";
    const wrong = await exchange(sf.loginUrl, code, { client_secret: "wrong" });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toEqual({
      error: "invalid_client",
      error_description: "invalid client credentials",
    });
  });

  it("makes codes single use", async () => {
    const code = (await authorizeCode(sf.loginUrl)).searchParams.get("code") ?? "";
    expect((await exchange(sf.loginUrl, code)).status).toBe(200);
    const again = await exchange(sf.loginUrl, code);
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: string }).error).toBe("invalid_grant");
  });

  it("verifies the PKCE S256 verifier", async () => {
    const { verifier, challenge } = pkcePair();
    const bad = (await authorizeCode(sf.loginUrl, { challenge })).searchParams.get("code") ?? "";
    const rejected = await exchange(sf.loginUrl, bad, { code_verifier: "not-the-verifier" });
    expect(rejected.status).toBe(400);
    expect(((await rejected.json()) as { error: string }).error).toBe("invalid_grant");

    const good = (await authorizeCode(sf.loginUrl, { challenge })).searchParams.get("code") ?? "";
    expect((await exchange(sf.loginUrl, good, { code_verifier: verifier })).status).toBe(200);
  });

  it("rotates refresh tokens: the old one dies (C2)", async () => {
    const { tokens, loginUrl } = await connectOrg(sf);
    const refresh = (token: string) =>
      tokenRequest(loginUrl, {
        grant_type: "refresh_token",
        refresh_token: token,
        client_id: SF_CLIENT.clientId,
        client_secret: SF_CLIENT.clientSecret,
      });
    const first = (await (await refresh(tokens.refresh_token)).json()) as SfTokens;
    expect(first.refresh_token).not.toBe(tokens.refresh_token);

    const stale = await refresh(tokens.refresh_token);
    expect(stale.status).toBe(400);
    expect(await stale.json()).toEqual({
      error: "invalid_grant",
      error_description: "expired access/refresh token",
    });
    expect((await refresh(first.refresh_token)).status).toBe(200);
  });

  it("serves the identity URL with the bearer token", async () => {
    const { tokens } = await connectOrg(sf);
    const identity = await fetch(tokens.id, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(identity.status).toBe(200);
    const body = (await identity.json()) as { organization_id: string };
    expect(tokens.id).toContain(body.organization_id);
  });

  it("revokes a refresh token and its sessions", async () => {
    const { conn, tokens, loginUrl } = await connectOrg(sf);
    const revoke = await fetch(`${loginUrl}/services/oauth2/revoke`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: tokens.refresh_token }),
    });
    expect(revoke.status).toBe(200);
    await expect(conn.sobject("Lead").describe()).rejects.toThrow(/expired access\/refresh token/);
  });

  it("connects a sandbox org through the test login host (C12)", async () => {
    const { conn, tokens } = await connectOrg(sf, "sandbox");
    expect(tokens.instance_url).toBe(sf.instanceUrl);
    expect(tokens.id.startsWith(sf.testLoginUrl)).toBe(true);
    const describe = await conn.sobject("Lead").describe();
    const status = describe.fields.find((f) => f.name === "Status");
    expect(status?.picklistValues?.map((p) => p.value)).toContain("New - Not Contacted");
    const requests = await getJson<{ host: string; path: string }[]>(
      `${sf.instanceUrl}/__sandbox/requests`,
    );
    const apiCalls = requests.filter((r) => r.path.startsWith("/services/data"));
    expect(apiCalls.length).toBeGreaterThan(0);
    expect(apiCalls.every((r) => r.host === "instance")).toBe(true);
  });
});
