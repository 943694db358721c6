import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHubSpotSandbox, type HubSpotSandbox } from "../hubspot";
import { startSalesforceSandbox, type SalesforceSandbox } from "../salesforce";
import { connectOrg, SF_CLIENT, validLead } from "./sf-helpers";
import { getJson, postJson } from "./wait";

let sf: SalesforceSandbox;
let hs: HubSpotSandbox;
beforeAll(async () => {
  sf = await startSalesforceSandbox();
  hs = await startHubSpotSandbox();
});
afterAll(async () => {
  await Promise.all([sf.close(), hs.close()]);
});

type Row = { orgId?: string; LastName?: string };

describe.each([
  ["Salesforce", () => sf.instanceUrl],
  ["HubSpot", () => hs.apiUrl],
])("%s admin API", (_name, base) => {
  it("snapshot, change, restore brings the records back; reset empties them", async () => {
    await fetch(`${base()}/__sandbox/reset`, { method: "POST" });
    const object = base() === sf.instanceUrl ? "Lead" : "contacts";
    const seed =
      object === "Lead"
        ? { fields: validLead() }
        : { properties: { email: "snap@example.jp", lastname: "山田" } };
    expect((await postJson(`${base()}/__sandbox/records/${object}`, seed)).status).toBe(201);
    const snapshot = await getJson(`${base()}/__sandbox/snapshot`);

    await fetch(`${base()}/__sandbox/reset`, { method: "POST" });
    expect(await getJson<Row[]>(`${base()}/__sandbox/records/${object}`)).toHaveLength(0);
    await postJson(`${base()}/__sandbox/restore`, snapshot);
    expect(await getJson<Row[]>(`${base()}/__sandbox/records/${object}`)).toHaveLength(1);
  });

  it("validates fault bodies and clears them", async () => {
    expect((await postJson(`${base()}/__sandbox/faults`, { errorRate: 2 })).status).toBe(400);
    await postJson(`${base()}/__sandbox/faults`, { latencyMs: 5 });
    expect(await getJson(`${base()}/__sandbox/state`)).toMatchObject({ faults: { latencyMs: 5 } });
    await fetch(`${base()}/__sandbox/faults`, { method: "DELETE" });
    expect(await getJson(`${base()}/__sandbox/state`)).toMatchObject({ faults: {} });
  });
});

describe("Salesforce admin specifics", () => {
  it("lists records of all orgs with their org id and logs token calls without secrets", async () => {
    await fetch(`${sf.instanceUrl}/__sandbox/reset`, { method: "POST" });
    const production = await connectOrg(sf, "production");
    const sandbox = await connectOrg(sf, "sandbox");
    await production.conn.sobject("Lead").create(validLead());
    await sandbox.conn.sobject("Lead").create(validLead());
    const rows = await getJson<Row[]>(`${sf.instanceUrl}/__sandbox/records/Lead`);
    expect(new Set(rows.map((r) => r.orgId)).size).toBe(2);

    const log = await getJson<{ grantType?: string; host: string }[]>(
      `${sf.instanceUrl}/__sandbox/requests`,
    );
    expect(log.filter((r) => r.grantType === "authorization_code").map((r) => r.host)).toEqual([
      "login",
      "test-login",
    ]);
    const text = JSON.stringify(log);
    expect(text).not.toContain(SF_CLIENT.clientSecret);
    expect(text).not.toContain(production.tokens.access_token);
  });

  it("refuses an OwnerId that is not a user of the org", async () => {
    const { conn } = await connectOrg(sf);
    await expect(
      conn.sobject("Lead").create(validLead({ OwnerId: "0055g00000SbxR1AAA" })),
    ).rejects.toMatchObject({ errorCode: "INVALID_CROSS_REFERENCE_KEY" });
  });
});
