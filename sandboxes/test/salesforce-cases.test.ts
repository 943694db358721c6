import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "jsforce";
import { startSalesforceSandbox, type SalesforceSandbox } from "../salesforce";
import { connectOrg, SF_CLIENT, tokenRequest, validLead, type SfTokens } from "./sf-helpers";
import { getJson, postJson } from "./wait";

let sf: SalesforceSandbox;
let conn: Connection;
let tokens: SfTokens;
let loginUrl: string;
beforeAll(async () => {
  sf = await startSalesforceSandbox();
});
afterAll(async () => {
  await sf.close();
});
beforeEach(async () => {
  await fetch(`${sf.instanceUrl}/__sandbox/reset`, { method: "POST" });
  ({ conn, tokens, loginUrl } = await connectOrg(sf));
});

type LogEntry = { path: string; grantType?: string; status: number };
const faults = (body: object) => postJson(`${sf.instanceUrl}/__sandbox/faults`, body);
const refreshCalls = async () =>
  (await getJson<LogEntry[]>(`${sf.instanceUrl}/__sandbox/requests`)).filter(
    (r) => r.grantType === "refresh_token",
  );
const refreshWith = (token: string) =>
  tokenRequest(loginUrl, {
    grant_type: "refresh_token",
    refresh_token: token,
    client_id: SF_CLIENT.clientId,
    client_secret: SF_CLIENT.clientSecret,
  });

describe("Salesforce CRM side of the field cases", () => {
  it("expired session: 401 INVALID_SESSION_ID, jsforce refreshes once and replays", async () => {
    await faults({ expireAllSessions: true });
    const raw = await fetch(`${sf.instanceUrl}/services/data/v57.0/limits`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(raw.status).toBe(401);
    expect(await raw.json()).toEqual([
      { message: "Session expired or invalid", errorCode: "INVALID_SESSION_ID", fields: [] },
    ]);

    let refreshed = 0;
    conn.on("refresh", () => {
      refreshed += 1;
    });
    const result = await conn.query("SELECT Id FROM Lead");
    expect(result.totalSize).toBe(0);
    expect(refreshed).toBe(1);
    expect(await refreshCalls()).toHaveLength(1);
  });

  it("C1: two concurrent refreshes with one rotating token: exactly one wins", async () => {
    await faults({ refreshDelayMs: 150, refreshDelayCount: 2 });
    const [a, b] = await Promise.all([
      refreshWith(tokens.refresh_token),
      refreshWith(tokens.refresh_token),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 400]);
    const loser = a.status === 400 ? a : b;
    expect(await loser.json()).toMatchObject({ error: "invalid_grant" });
    expect(await refreshCalls()).toHaveLength(2);
  });

  it("C3: a revoked refresh token answers invalid_grant until reconnect", async () => {
    await faults({ failNextRefresh: "invalid_grant" });
    const refused = await refreshWith(tokens.refresh_token);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({
      error: "invalid_grant",
      error_description: "expired access/refresh token",
    });

    await faults({ revokeAllTokens: true });
    expect((await refreshWith(tokens.refresh_token)).status).toBe(400);
    const again = await connectOrg(sf);
    expect((await again.conn.sobject("Lead").create(validLead())).success).toBe(true);
  });

  it("C5: a create committed after the client timeout leaves one record on retry", async () => {
    await faults({ commitThenDelayMs: 400 });
    const url = `${sf.instanceUrl}/services/data/v57.0/sobjects/Lead/DiagnoLeadsId__c/lead-c5`;
    const send = (signal?: AbortSignal) =>
      fetch(url, {
        method: "PATCH",
        signal,
        headers: {
          authorization: `Bearer ${tokens.access_token}`,
          "content-type": "application/json",
        },
        body: JSON.stringify(validLead()),
      });
    await expect(send(AbortSignal.timeout(100))).rejects.toThrow();
    await fetch(`${sf.instanceUrl}/__sandbox/faults`, { method: "DELETE" });

    const retried = await send();
    expect(retried.status).toBe(200);
    expect(await retried.json()).toMatchObject({ created: false });
    expect(await getJson<unknown[]>(`${sf.instanceUrl}/__sandbox/records/Lead`)).toHaveLength(1);
  });

  it("C6: a collection with one bad email keeps per-record results in input order", async () => {
    const results = await conn
      .sobject("Lead")
      .create([
        validLead({ Email: "a@example.jp" }),
        validLead({ Email: "not-an-email" }),
        validLead({ Email: "c@example.jp" }),
      ]);
    expect(results.map((r) => r.success)).toEqual([true, false, true]);
    expect(results[1]).toMatchObject({
      success: false,
      errors: [
        {
          statusCode: "INVALID_EMAIL_ADDRESS",
          fields: ["Email"],
          message: expect.stringContaining("not-an-email"),
        },
      ],
    });
  });

  it("collections: allOrNone rolls back, 200-record cap, upsert reports created", async () => {
    const rolled = await conn
      .sobject("Lead")
      .create([validLead(), validLead({ LastName: "" })], { allOrNone: true });
    expect(rolled.every((r) => !r.success)).toBe(true);
    expect(await getJson<unknown[]>(`${sf.instanceUrl}/__sandbox/records/Lead`)).toHaveLength(0);

    const upserted = await conn
      .sobject("Lead")
      .upsert(
        [validLead({ DiagnoLeadsId__c: "u1" }), validLead({ DiagnoLeadsId__c: "u2" })],
        "DiagnoLeadsId__c",
      );
    expect(upserted.map((r) => (r as { created?: boolean }).created)).toEqual([true, true]);
    const again = await conn
      .sobject("Lead")
      .upsert([validLead({ DiagnoLeadsId__c: "u1" })], "DiagnoLeadsId__c");
    expect((again[0] as { created?: boolean }).created).toBe(false);

    const tooMany = Array.from({ length: 201 }, (_, i) => validLead({ Email: `x${i}@example.jp` }));
    await expect(conn.sobject("Lead").create(tooMany)).rejects.toMatchObject({
      errorCode: "EXCEEDED_ID_LIMIT",
    });
  });

  it("polls by SystemModstamp with paging through nextRecordsUrl", async () => {
    const since = new Date(Date.now() - 1000).toISOString().replace(/\.\d+Z$/, "Z");
    for (let batch = 0; batch < 2; batch++) {
      await conn
        .sobject("Lead")
        .create(
          Array.from({ length: 130 }, (_, i) => validLead({ Email: `p${batch}-${i}@example.jp` })),
        );
    }
    const soql =
      "SELECT Id, Status, OwnerId, SystemModstamp FROM Lead " +
      `WHERE SystemModstamp > ${since} ORDER BY SystemModstamp`;
    const first = await conn.query(soql, { headers: { "Sforce-Query-Options": "batchSize=200" } });
    expect(first.totalSize).toBe(260);
    expect(first.done).toBe(false);
    expect(first.nextRecordsUrl).toMatch(/\/query\/01g\w+-200$/);
    const second = await conn.queryMore(first.nextRecordsUrl ?? "");
    expect(second.done).toBe(true);
    const stamps = [...first.records, ...second.records].map((r) => String(r.SystemModstamp));
    expect([...stamps].sort()).toEqual(stamps);
  });

  it("rejects SOQL outside the supported subset with MALFORMED_QUERY", async () => {
    await expect(
      conn.query("SELECT Id FROM Lead WHERE Email = 'a' OR Email = 'b'"),
    ).rejects.toMatchObject({ errorCode: "MALFORMED_QUERY" });
    await expect(conn.query("SELECT COUNT() FROM Lead")).rejects.toMatchObject({
      errorCode: "MALFORMED_QUERY",
    });
  });

  it("answers 403 REQUEST_LIMIT_EXCEEDED when the allocation is used up", async () => {
    await faults({ rateLimitBurst: 1 });
    await expect(conn.sobject("Lead").create(validLead())).rejects.toMatchObject({
      errorCode: "REQUEST_LIMIT_EXCEEDED",
    });
    await faults({ apiAllocation: 0 });
    await expect(conn.query("SELECT Id FROM Lead")).rejects.toMatchObject({
      errorCode: "REQUEST_LIMIT_EXCEEDED",
    });
  });

  it("runs a composite request as one API call with references", async () => {
    const before = (await getJson<LogEntry[]>(`${sf.instanceUrl}/__sandbox/requests`)).length;
    const response = (await conn.requestPost("/services/data/v57.0/composite", {
      allOrNone: true,
      compositeRequest: [
        {
          method: "POST",
          url: "/services/data/v57.0/sobjects/Lead",
          referenceId: "lead",
          body: validLead(),
        },
        {
          method: "POST",
          url: "/services/data/v57.0/sobjects/Task",
          referenceId: "task",
          body: { Subject: "診断", WhoId: "@{lead.id}" },
        },
      ],
    })) as { compositeResponse: { httpStatusCode: number }[] };
    expect(response.compositeResponse.map((r) => r.httpStatusCode)).toEqual([201, 201]);
    const after = await getJson<LogEntry[]>(`${sf.instanceUrl}/__sandbox/requests`);
    expect(after.length - before).toBe(1);
  });
});
