import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "jsforce";
import { startSalesforceSandbox, type SalesforceSandbox } from "../salesforce";
import { connectOrg, validLead, type SfTokens } from "./sf-helpers";
import { getJson, postJson } from "./wait";

let sf: SalesforceSandbox;
let conn: Connection;
let tokens: SfTokens;
beforeAll(async () => {
  sf = await startSalesforceSandbox();
});
afterAll(async () => {
  await sf.close();
});
beforeEach(async () => {
  await fetch(`${sf.instanceUrl}/__sandbox/reset`, { method: "POST" });
  ({ conn, tokens } = await connectOrg(sf));
});

const recordErrors = (code: string, count: number) =>
  postJson(`${sf.instanceUrl}/__sandbox/faults`, { recordErrors: { code, count } });
const api = (path: string, method: string, body: unknown) =>
  fetch(`${sf.instanceUrl}/services/data/v57.0${path}`, {
    method,
    headers: { authorization: `Bearer ${tokens.access_token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
type SfErrorBody = { errorCode: string; message: string; fields: string[] }[];

describe("Salesforce record-level fault injection", () => {
  it("UNABLE_TO_LOCK_ROW fails the next single update, then the retry succeeds", async () => {
    const { id } = (await conn.sobject("Lead").create(validLead())) as { id: string };
    await recordErrors("UNABLE_TO_LOCK_ROW", 1);

    const locked = await api(`/sobjects/Lead/${id}`, "PATCH", { Status: "Working - Contacted" });
    expect(locked.status).toBe(400);
    expect(await locked.json()).toEqual([
      { errorCode: "UNABLE_TO_LOCK_ROW", message: expect.stringContaining(id), fields: [] },
    ]);
    const retried = await api(`/sobjects/Lead/${id}`, "PATCH", { Status: "Working - Contacted" });
    expect(retried.status).toBe(204);
  });

  it("DUPLICATES_DETECTED on create lists the matching lead and writes nothing", async () => {
    const { id: existing } = (await conn.sobject("Lead").create(validLead())) as { id: string };
    await recordErrors("DUPLICATES_DETECTED", 1);

    const blocked = await api("/sobjects/Lead", "POST", validLead({ Email: "TARO@example.jp" }));
    expect(blocked.status).toBe(400);
    const [error] = (await blocked.json()) as (SfErrorBody[number] & {
      duplicateResult: { matchResults: { matchRecords: { record: { Id: string } }[] }[] };
    })[];
    expect(error).toMatchObject({ errorCode: "DUPLICATES_DETECTED", fields: [] });
    expect(error?.message).toBeTruthy();
    const matched = error?.duplicateResult.matchResults[0]?.matchRecords.map((m) => m.record.Id);
    expect(matched).toEqual([existing]);
    expect(await getJson<unknown[]>(`${sf.instanceUrl}/__sandbox/records/Lead`)).toHaveLength(1);
  });

  it("applies to upsert by external id as well, and only to Lead", async () => {
    await recordErrors("DUPLICATES_DETECTED", 1);
    const task = await api("/sobjects/Task", "POST", { Subject: "call" });
    expect(task.status).toBe(201);
    const upsert = await api("/sobjects/Lead/DiagnoLeadsId__c/dl-1", "PATCH", validLead());
    expect(upsert.status).toBe(400);
    expect(((await upsert.json()) as SfErrorBody)[0]?.errorCode).toBe("DUPLICATES_DETECTED");
  });

  it.each([
    ["create", () => conn.sobject("Lead").create([validLead(), validLead(), validLead()])],
    [
      "upsert",
      () =>
        conn.sobject("Lead").upsert(
          ["a", "b", "c"].map((k) => validLead({ DiagnoLeadsId__c: k })),
          "DiagnoLeadsId__c",
        ),
    ],
  ])("fails the first records of a collection %s one by one", async (_name, send) => {
    await recordErrors("UNABLE_TO_LOCK_ROW", 2);
    const results = await send();
    expect(results.map((r) => r.success)).toEqual([false, false, true]);
    expect(results[0]).toMatchObject({
      success: false,
      errors: [{ statusCode: "UNABLE_TO_LOCK_ROW", message: expect.any(String), fields: [] }],
    });
    expect(await getJson<unknown[]>(`${sf.instanceUrl}/__sandbox/records/Lead`)).toHaveLength(1);
  });

  it("fails a record of a collection update with DUPLICATES_DETECTED", async () => {
    const created = await conn.sobject("Lead").create([validLead(), validLead()]);
    const ids = created.map((r) => (r as { id: string }).id);
    await recordErrors("DUPLICATES_DETECTED", 1);
    const results = await conn.sobject("Lead").update(ids.map((Id) => ({ Id, Company: "新社名" })));
    expect(results.map((r) => r.success)).toEqual([false, true]);
    expect(results[0]).toMatchObject({
      id: ids[0],
      errors: [{ statusCode: "DUPLICATES_DETECTED", fields: [] }],
    });
  });

  it("refuses an unknown code", async () => {
    expect((await recordErrors("SOMETHING_ELSE", 1)).status).toBe(400);
  });
});
