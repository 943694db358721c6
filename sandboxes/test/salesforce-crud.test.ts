import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "jsforce";
import { startSalesforceSandbox, type SalesforceSandbox } from "../salesforce";
import { connectOrg, validLead, type SfTokens } from "./sf-helpers";

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

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${sf.instanceUrl}/services/data/v57.0${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${tokens.access_token}`,
      "content-type": "application/json",
      ...init.headers,
    },
  });

describe("Salesforce sObject REST", () => {
  it("creates and retrieves a Lead with the usage header", async () => {
    const created = await api("/sobjects/Lead", {
      method: "POST",
      body: JSON.stringify(validLead()),
    });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { id: string; success: boolean; errors: unknown[] };
    expect(body).toEqual({ id: expect.stringMatching(/^00Q\w{15}$/), success: true, errors: [] });
    expect(created.headers.get("sforce-limit-info")).toMatch(/^api-usage=\d+\/100000$/);

    const lead = await conn.sobject("Lead").retrieve(body.id);
    expect(lead.LastName).toBe("山田");
    expect(lead.Status).toBe("Open - Not Contacted");
    const some = await api(`/sobjects/Lead/${body.id}?fields=Id,Email`);
    expect(Object.keys((await some.json()) as object).sort()).toEqual([
      "Email",
      "Id",
      "attributes",
    ]);
  });

  it.each([
    [
      "missing required fields",
      { FirstName: "x" },
      "REQUIRED_FIELD_MISSING",
      ["LastName", "Company"],
    ],
    ["bad email", validLead({ Email: "not-an-email" }), "INVALID_EMAIL_ADDRESS", ["Email"]],
    [
      "41 characters in a 40 field",
      validLead({ FirstName: "𠮷".repeat(41) }),
      "STRING_TOO_LONG",
      ["FirstName"],
    ],
    [
      "restricted picklist",
      validLead({ Priority__c: "Urgent" }),
      "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
      ["Priority__c"],
    ],
    [
      "another org's status",
      validLead({ Status: "New - Not Contacted" }),
      "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
      ["Status"],
    ],
    ["unknown field", validLead({ Foo__c: 1 }), "INVALID_FIELD", []],
  ])("rejects %s", async (_name, input, errorCode, fields) => {
    const response = await api("/sobjects/Lead", { method: "POST", body: JSON.stringify(input) });
    expect(response.status).toBe(400);
    const errors = (await response.json()) as {
      errorCode: string;
      fields: string[];
      message: string;
    }[];
    expect(errors[0]).toMatchObject({ errorCode, fields });
    expect(errors[0]?.message.length).toBeGreaterThan(0);
  });

  it("counts length in code points, so 40 surrogate-pair characters fit", async () => {
    const result = await conn.sobject("Lead").create(validLead({ FirstName: "𠮷".repeat(40) }));
    expect(result.success).toBe(true);
  });

  it("updates (204), deletes (204) and reports NOT_FOUND afterwards", async () => {
    const { id } = (await conn.sobject("Lead").create(validLead())) as { id: string };
    const patched = await api(`/sobjects/Lead/${id}`, {
      method: "PATCH",
      body: JSON.stringify({ Status: "Working - Contacted" }),
    });
    expect(patched.status).toBe(204);
    expect((await api(`/sobjects/Lead/${id}`, { method: "DELETE" })).status).toBe(204);
    const gone = await api(`/sobjects/Lead/${id}`);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toEqual([
      { errorCode: "NOT_FOUND", message: "The requested resource does not exist", fields: [] },
    ]);
  });

  it("upserts by external id: 201 created, then 200 updated, never a duplicate", async () => {
    const put = (body: object) =>
      api("/sobjects/Lead/DiagnoLeadsId__c/lead-1", {
        method: "PATCH",
        body: JSON.stringify(body),
      });
    const first = await put(validLead());
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ success: true, created: true });
    const second = await put({ Company: "更新株式会社" });
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({ success: true, created: false });
    const all = (await (
      await fetch(`${sf.instanceUrl}/__sandbox/records/Lead`)
    ).json()) as unknown[];
    expect(all).toHaveLength(1);
  });

  it("answers 300 and writes nothing when a non-unique external id matches several", async () => {
    await conn
      .sobject("Lead")
      .create([
        validLead({ LegacySourceId__c: "L1" }),
        validLead({ LegacySourceId__c: "L1", Email: "b@example.jp" }),
      ]);
    const response = await api("/sobjects/Lead/LegacySourceId__c/L1", {
      method: "PATCH",
      body: JSON.stringify({ Company: "changed" }),
    });
    expect(response.status).toBe(300);
    const rows = (await conn.query("SELECT Id, Company FROM Lead WHERE Company = 'changed'"))
      .records;
    expect(rows).toHaveLength(0);
  });

  it("refuses a repeated unique external id with DUPLICATE_VALUE", async () => {
    await conn.sobject("Lead").create(validLead({ DiagnoLeadsId__c: "dup" }));
    const response = await api("/sobjects/Lead", {
      method: "POST",
      body: JSON.stringify(validLead({ DiagnoLeadsId__c: "dup" })),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errorCode: string }[])[0]?.errorCode).toBe(
      "DUPLICATE_VALUE",
    );
  });

  it("describes Lead with org-specific statuses and the custom fields", async () => {
    const described = await conn.sobject("Lead").describe();
    const field = (name: string) => described.fields.find((f) => f.name === name);
    expect(field("LastName")).toMatchObject({ nillable: false, length: 80, createable: true });
    expect(field("Company")?.nillable).toBe(false);
    expect(field("Status")?.picklistValues?.map((p) => p.value)).toEqual([
      "Open - Not Contacted",
      "Working - Contacted",
      "Closed - Converted",
      "Closed - Not Converted",
    ]);
    expect(field("Priority__c")).toMatchObject({ restrictedPicklist: true, custom: true });
    expect(field("DiagnoLeadsId__c")).toMatchObject({ externalId: true, unique: true, length: 36 });
    expect(field("DetectedChallenges__c")).toMatchObject({ type: "textarea", length: 131072 });
  });

  it("creates a Task linked to a Lead", async () => {
    const { id } = (await conn.sobject("Lead").create(validLead())) as { id: string };
    const task = await conn.sobject("Task").create({
      Subject: "診断結果",
      WhoId: id,
      ActivityDate: "2026-01-31",
      Status: "Completed",
      Description: "課題: 営業効率",
    });
    expect(task.success).toBe(true);
    const bad = await api("/sobjects/Task", {
      method: "POST",
      body: JSON.stringify({ Subject: "x", ActivityDate: "2026-01-31T10:00:00Z" }),
    });
    expect(bad.status).toBe(400);
  });

  it("rejects API versions below 57.0 and lists versions", async () => {
    const old = await fetch(`${sf.instanceUrl}/services/data/v56.0/sobjects`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(old.status).toBe(404);
    const versions = (await (await fetch(`${sf.instanceUrl}/services/data/`)).json()) as {
      version: string;
    }[];
    expect(versions.map((v) => v.version)).toContain("57.0");
    expect(versions.map((v) => v.version)).not.toContain("56.0");
  });

  it("lists deleted records in a window", async () => {
    const { id } = (await conn.sobject("Lead").create(validLead())) as { id: string };
    await conn.sobject("Lead").destroy(id);
    const start = new Date(Date.now() - 60_000).toISOString();
    const end = new Date(Date.now() + 60_000).toISOString();
    const response = await api(`/sobjects/Lead/deleted/?start=${start}&end=${end}`);
    const body = (await response.json()) as { deletedRecords: { id: string }[] };
    expect(body.deletedRecords.map((r) => r.id)).toEqual([id]);
  });
});
