import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startHubSpotSandbox, type HubSpotSandbox } from "../hubspot";
import { apiError, authorizeHubSpot, connectPortal, HS_CLIENT, HS_REDIRECT } from "./hs-helpers";
import { getJson, postJson } from "./wait";

let hs: HubSpotSandbox;
beforeAll(async () => {
  hs = await startHubSpotSandbox();
});
afterAll(async () => {
  await hs.close();
});
beforeEach(async () => {
  await fetch(`${hs.apiUrl}/__sandbox/reset`, { method: "POST" });
});

const token = (fields: Record<string, string>) =>
  fetch(`${hs.apiUrl}/oauth/v1/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      client_id: HS_CLIENT.clientId,
      client_secret: HS_CLIENT.clientSecret,
      ...fields,
    }),
  });

describe("HubSpot OAuth", () => {
  it("exchanges a code for 30-minute tokens and describes the token", async () => {
    const { tokens, client } = await connectPortal(hs);
    expect(tokens.expiresIn).toBe(1800);
    expect(tokens.tokenType).toBe("bearer");
    const info = await client.oauth.accessTokensApi.get(tokens.accessToken);
    expect(info.hubId).toBe(44_100_001);
    expect(info.scopes).toContain("crm.objects.contacts.write");
  });

  it("keeps the same refresh token across refreshes (no rotation)", async () => {
    const { tokens } = await connectPortal(hs);
    const refresh = () =>
      token({ grant_type: "refresh_token", refresh_token: tokens.refreshToken });
    const first = (await (await refresh()).json()) as {
      refresh_token: string;
      access_token: string;
    };
    expect(first.refresh_token).toBe(tokens.refreshToken);
    expect(first.access_token).not.toBe(tokens.accessToken);
    expect((await refresh()).status).toBe(200);
  });

  it("rejects a bad client id, a bad secret and a reused code", async () => {
    const code = (await authorizeHubSpot(hs.appUrl)).searchParams.get("code") ?? "";
    const badId = await token({
      client_id: "x",
      grant_type: "authorization_code",
      code,
      redirect_uri: HS_REDIRECT,
    });
    expect(badId.status).toBe(400);
    expect(await badId.json()).toMatchObject({ status: "BAD_CLIENT_ID" });
    const badSecret = await token({
      client_secret: "x",
      grant_type: "authorization_code",
      code,
      redirect_uri: HS_REDIRECT,
    });
    expect(await badSecret.json()).toMatchObject({ status: "BAD_CLIENT_SECRET" });
    expect(
      (await token({ grant_type: "authorization_code", code, redirect_uri: HS_REDIRECT })).status,
    ).toBe(200);
    const reused = await token({
      grant_type: "authorization_code",
      code,
      redirect_uri: HS_REDIRECT,
    });
    expect(await reused.json()).toMatchObject({ status: "BAD_AUTH_CODE" });
  });

  it("redirects with an error when the user cancels", async () => {
    const redirect = await authorizeHubSpot(hs.appUrl, { decision: "deny" });
    expect(redirect.searchParams.get("error")).toBe("access_denied");
    expect(redirect.searchParams.get("state")).toBe("s-1");
  });

  it("answers 401 EXPIRED_AUTHENTICATION for an expired token", async () => {
    const { client } = await connectPortal(hs);
    await postJson(`${hs.apiUrl}/__sandbox/faults`, { expireAllSessions: true });
    const error = await apiError(client.crm.contacts.basicApi.getPage());
    expect(error.code).toBe(401);
    expect(error.body).toMatchObject({
      status: "error",
      category: "EXPIRED_AUTHENTICATION",
      message: expect.stringContaining("expired"),
    });
  });

  it("C3: a revoked refresh token fails refresh and is logged without secrets", async () => {
    const { tokens } = await connectPortal(hs);
    const revoke = await fetch(`${hs.apiUrl}/oauth/v1/refresh-tokens/${tokens.refreshToken}`, {
      method: "DELETE",
    });
    expect(revoke.status).toBe(204);
    const refused = await token({
      grant_type: "refresh_token",
      refresh_token: tokens.refreshToken,
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ status: "BAD_REFRESH_TOKEN" });
    const log = JSON.stringify(await getJson(`${hs.apiUrl}/__sandbox/requests`));
    expect(log).toContain("refresh_token");
    expect(log).not.toContain(tokens.refreshToken);
    expect(log).not.toContain(HS_CLIENT.clientSecret);
  });

  it("gives each authorization its portal", async () => {
    const { client } = await connectPortal(hs, 44_100_002);
    await client.crm.contacts.basicApi.create({
      properties: { email: "b@example.jp" },
      associations: [],
    });
    const records = await getJson<{ portalId: number }[]>(
      `${hs.apiUrl}/__sandbox/records/contacts`,
    );
    expect(records.map((r) => r.portalId)).toEqual([44_100_002]);
  });
});
