import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "jsforce";
import { startSalesforceSandbox, type SalesforceSandbox } from "../salesforce";
import {
  authorizeCode,
  connectOrg,
  REDIRECT_URI,
  SF_CLIENT,
  tokenRequest,
  validLead,
} from "./sf-helpers";
import { getJson } from "./wait";

let sf: SalesforceSandbox;
let conn: Connection;
beforeAll(async () => {
  sf = await startSalesforceSandbox({ myDomainPort: 0 });
});
afterAll(async () => {
  await sf.close();
});
beforeEach(async () => {
  await fetch(`${sf.instanceUrl}/__sandbox/reset`, { method: "POST" });
  ({ conn } = await connectOrg(sf));
});

// The product's change poll, with the watermark written as a SOQL datetime literal.
const pollQuery = (since: string, limit = "LIMIT 200") =>
  "SELECT Id, Status, OwnerId, SystemModstamp, DiagnoLeadsId__c FROM Lead " +
  `WHERE SystemModstamp > ${since} ORDER BY SystemModstamp ${limit}`.trim();
const soqlNow = (offsetMs = 0) =>
  new Date(Date.now() + offsetMs).toISOString().replace(/\.\d+Z$/, "Z");

async function createLeads(count: number, prefix: string) {
  for (let start = 0; start < count; start += 200) {
    const size = Math.min(200, count - start);
    await conn.sobject("Lead").create(
      Array.from({ length: size }, (_, i) =>
        validLead({
          Email: `${prefix}${start + i}@example.jp`,
          DiagnoLeadsId__c: `${prefix}${start + i}`,
        }),
      ),
    );
  }
}

describe("Salesforce change polling", () => {
  it("runs the product's poll query: LIMIT 200 in SystemModstamp order, then the next window", async () => {
    const since = soqlNow(-1000);
    await createLeads(250, "p");

    const first = await conn.query(pollQuery(since));
    expect(first.done).toBe(true);
    expect(first.totalSize).toBe(200);
    expect(Object.keys(first.records[0] ?? {}).sort()).toEqual(
      ["DiagnoLeadsId__c", "Id", "OwnerId", "Status", "SystemModstamp", "attributes"].sort(),
    );
    const stamps = first.records.map((r) => String(r.SystemModstamp));
    expect([...stamps].sort()).toEqual(stamps);

    // The next poll starts after the last stamp seen, converted to a SOQL literal.
    const watermark = new Date(Date.parse(String(stamps.at(-1)).replace("+0000", "Z")));
    const next = await conn.query(pollQuery(watermark.toISOString()));
    expect(next.totalSize).toBe(50);
  });

  it("pages a larger result with nextRecordsUrl through conn.queryMore", async () => {
    const since = soqlNow(-1000);
    await createLeads(450, "q");
    const first = await conn.query(pollQuery(since, ""), {
      headers: { "Sforce-Query-Options": "batchSize=200" },
    });
    expect(first).toMatchObject({ totalSize: 450, done: false });
    const ids = first.records.map((r) => String(r.Id));
    let page = first;
    while (!page.done) {
      page = await conn.queryMore(page.nextRecordsUrl ?? "");
      ids.push(...page.records.map((r) => String(r.Id)));
    }
    expect(new Set(ids).size).toBe(450);
  });

  it("lists deleted leads through conn.sobject('Lead').deleted(start, end)", async () => {
    const start = new Date(Date.now() - 60_000);
    const kept = (await conn.sobject("Lead").create(validLead())) as { id: string };
    const gone = (await conn.sobject("Lead").create(validLead())) as { id: string };
    await conn.sobject("Lead").destroy(gone.id);

    const result = await conn.sobject("Lead").deleted(start, new Date(Date.now() + 60_000));
    expect(result.deletedRecords.map((r) => r.id)).toEqual([gone.id]);
    expect(result.deletedRecords[0]?.deletedDate).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+\+0000$/);
    expect(result.deletedRecords.map((r) => r.id)).not.toContain(kept.id);

    const tooOld = new Date(Date.now() - 16 * 24 * 60 * 60 * 1000);
    await expect(conn.sobject("Lead").deleted(tooOld, new Date())).rejects.toMatchObject({
      errorCode: "INVALID_REPLICATION_DATE",
    });
  });
});

describe("Salesforce My Domain login host", () => {
  it("authenticates into the production org and logs the my-domain host", async () => {
    const myDomain = sf.myDomainUrl ?? "";
    expect(myDomain).toMatch(/^http:\/\/localhost:\d+$/);
    expect(myDomain).not.toBe(sf.loginUrl);
    const code = (await authorizeCode(myDomain)).searchParams.get("code") ?? "";
    const response = await tokenRequest(myDomain, {
      grant_type: "authorization_code",
      code,
      client_id: SF_CLIENT.clientId,
      client_secret: SF_CLIENT.clientSecret,
      redirect_uri: REDIRECT_URI,
    });
    const tokens = (await response.json()) as { instance_url: string; id: string };
    expect(tokens.instance_url).toBe(sf.instanceUrl);

    const orgs = await getJson<{ id: string; role: string }[]>(`${sf.instanceUrl}/__sandbox/orgs`);
    const production = orgs.find((o) => o.role === "production");
    expect(tokens.id).toContain(`/id/${production?.id}/`);
    const log = await getJson<{ host: string; grantType?: string }[]>(
      `${sf.instanceUrl}/__sandbox/requests`,
    );
    expect(log).toContainEqual(
      expect.objectContaining({ host: "my-domain", grantType: "authorization_code" }),
    );
  });

  it("is off unless a port is given", async () => {
    const plain = await startSalesforceSandbox();
    try {
      expect(plain.myDomainUrl).toBeUndefined();
    } finally {
      await plain.close();
    }
  });
});
