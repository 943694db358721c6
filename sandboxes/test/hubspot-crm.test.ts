import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Client } from "@hubspot/api-client";
import { startHubSpotSandbox, type HubSpotSandbox } from "../hubspot";
import { apiError, connectPortal } from "./hs-helpers";
import { getJson, postJson } from "./wait";

let hs: HubSpotSandbox;
let client: Client;
let accessToken: string;
beforeAll(async () => {
  hs = await startHubSpotSandbox();
});
afterAll(async () => {
  await hs.close();
});
beforeEach(async () => {
  await fetch(`${hs.apiUrl}/__sandbox/reset`, { method: "POST" });
  const connected = await connectPortal(hs);
  client = connected.client;
  accessToken = connected.tokens.accessToken;
});

const contact = (email: string, extra: Record<string, string> = {}) => ({
  properties: { email, firstname: "太郎", lastname: "山田", ...extra },
  associations: [],
});
const raw = (path: string, body: unknown, method = "POST") =>
  fetch(`${hs.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${accessToken}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("HubSpot CRM objects", () => {
  it("creates, reads, updates and archives a contact with rate-limit headers", async () => {
    const created = await raw("/crm/v3/objects/contacts", contact("taro@example.jp"));
    expect(created.status).toBe(201);
    expect(created.headers.get("x-hubspot-ratelimit-max")).toBe("110");
    expect(Number(created.headers.get("x-hubspot-ratelimit-remaining"))).toBeLessThan(110);
    const { id } = (await created.json()) as { id: string };

    const read = await client.crm.contacts.basicApi.getById(id, ["email", "hs_lead_status"]);
    expect(read.properties.email).toBe("taro@example.jp");
    const updated = await client.crm.contacts.basicApi.update(id, {
      properties: { hs_lead_status: "CONNECTED" },
    });
    expect(updated.properties.hs_lead_status).toBe("CONNECTED");
    await client.crm.contacts.basicApi.archive(id);
    expect((await apiError(client.crm.contacts.basicApi.getById(id))).body).toMatchObject({
      category: "OBJECT_NOT_FOUND",
    });
  });

  it("C4: a duplicate email answers 409 CONFLICT naming the existing id", async () => {
    const first = await client.crm.contacts.basicApi.create(contact("dup@example.jp"));
    const error = await apiError(client.crm.contacts.basicApi.create(contact("DUP@example.jp")));
    expect(error.code).toBe(409);
    expect(error.body).toMatchObject({
      status: "error",
      category: "CONFLICT",
      message: `Contact already exists. Existing ID: ${first.id}`,
      correlationId: expect.any(String),
    });
  });

  it.each([
    ["an unknown property", { nope: "x" }, "PROPERTY_DOESNT_EXIST"],
    [
      "an enumeration label instead of its value",
      { hs_lead_status: "Connected" },
      "INVALID_OPTION",
    ],
    ["a date that is not midnight UTC", { date_of_birth: "1767261600000" }, "INVALID_DATE"],
    ["a read-only property", { hs_object_id: "5" }, "READ_ONLY_VALUE"],
  ])("rejects %s with VALIDATION_ERROR", async (_name, properties, code) => {
    const error = await apiError(
      client.crm.contacts.basicApi.create({ properties, associations: [] }),
    );
    expect(error.code).toBe(400);
    expect(error.body.category).toBe("VALIDATION_ERROR");
    expect(String(error.body.message)).toContain(code);
  });

  it("batch upsert by email reports new, refuses a repeated id", async () => {
    await client.crm.contacts.basicApi.create(contact("old@example.jp"));
    const result = await client.crm.contacts.batchApi.upsert({
      inputs: [
        { idProperty: "email", id: "old@example.jp", properties: { company: "旧" } },
        { idProperty: "email", id: "new@example.jp", properties: { company: "新" } },
      ],
    });
    const byEmail = new Map(result.results.map((r) => [r.properties.email, r]));
    expect(byEmail.get("old@example.jp")?._new).toBe(false);
    expect(byEmail.get("new@example.jp")?._new).toBe(true);

    const twice = await raw("/crm/v3/objects/contacts/batch/upsert", {
      inputs: [
        { idProperty: "email", id: "x@example.jp", properties: {} },
        { idProperty: "email", id: "x@example.jp", properties: {} },
      ],
    });
    expect(twice.status).toBe(400);
    const tooMany = await raw("/crm/v3/objects/contacts/batch/create", {
      inputs: Array.from({ length: 101 }, (_, i) => ({
        properties: { email: `m${i}@example.jp` },
      })),
    });
    expect(tooMany.status).toBe(400);
  });

  it("batch update answers 207 with per-record errors on partial failure", async () => {
    const a = await client.crm.contacts.basicApi.create(contact("a@example.jp"));
    const response = await raw("/crm/v3/objects/contacts/batch/update", {
      inputs: [
        { id: a.id, properties: { company: "ok" } },
        { id: "999999", properties: { company: "x" } },
      ],
    });
    expect(response.status).toBe(207);
    const body = (await response.json()) as {
      results: unknown[];
      numErrors: number;
      errors: { category: string }[];
    };
    expect(body.results).toHaveLength(1);
    expect(body.errors[0]?.category).toBe("OBJECT_NOT_FOUND");
  });

  it("starts without the product properties and lets the product create them", async () => {
    const before = await client.crm.properties.coreApi.getAll("contacts");
    const names = before.results.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(["email", "hs_lead_status", "hubspot_owner_id"]));
    expect(names).not.toContain("diagnoleads_lead_id");
    const status = before.results.find((p) => p.name === "hs_lead_status");
    expect(status?.options.map((o) => o.value)).toContain("ATTEMPTED_TO_CONTACT");

    await client.crm.properties.coreApi.create("contacts", {
      name: "diagnoleads_lead_id",
      label: "DiagnoLeads ID",
      type: "string" as never,
      fieldType: "text" as never,
      groupName: "contactinformation",
      hasUniqueValue: true,
    });
    const upsert = await client.crm.contacts.batchApi.upsert({
      inputs: [
        { idProperty: "diagnoleads_lead_id", id: "dl-1", properties: { email: "u@example.jp" } },
      ],
    });
    expect(upsert.results[0]?._new).toBe(true);
    const again = await apiError(
      client.crm.properties.coreApi.create("contacts", {
        name: "diagnoleads_lead_id",
        label: "x",
        type: "string" as never,
        fieldType: "text" as never,
        groupName: "contactinformation",
      }),
    );
    expect(again.code).toBe(409);
  });

  it("creates a note associated to a contact (type 202) and lists the association", async () => {
    const c = await client.crm.contacts.basicApi.create(contact("n@example.jp"));
    const missing = await raw("/crm/v3/objects/notes", { properties: { hs_note_body: "x" } });
    expect(missing.status).toBe(400);
    const note = await client.crm.objects.notes.basicApi.create({
      properties: { hs_note_body: "診断結果: <b>課題</b>", hs_timestamp: new Date().toISOString() },
      associations: [
        {
          to: { id: c.id },
          types: [{ associationCategory: "HUBSPOT_DEFINED" as never, associationTypeId: 202 }],
        },
      ],
    });
    const second = await client.crm.objects.notes.basicApi.create({
      properties: { hs_note_body: "2", hs_timestamp: String(Date.now()) },
      associations: [],
    });
    await client.crm.associations.v4.basicApi.createDefault("notes", second.id, "contacts", c.id);
    const links = await client.crm.associations.v4.basicApi.getPage("contacts", c.id, "notes");
    expect(links.results.map((l) => String(l.toObjectId)).sort()).toEqual(
      [note.id, second.id].sort(),
    );
  });

  it("searches on lastmodifieddate with paging, and limits search to 5 per second", async () => {
    const since = Date.now() - 1;
    await client.crm.contacts.batchApi.create({
      inputs: Array.from({ length: 5 }, (_, i) => ({
        properties: { email: `s${i}@example.jp` },
        associations: [],
      })),
    });
    const body = {
      filterGroups: [
        { filters: [{ propertyName: "lastmodifieddate", operator: "GTE", value: String(since) }] },
      ],
      sorts: [{ propertyName: "lastmodifieddate", direction: "ASCENDING" }],
      limit: 2,
      properties: ["email"],
    };
    const first = await raw("/crm/v3/objects/contacts/search", body);
    const page = (await first.json()) as { total: number; paging?: { next: { after: string } } };
    expect(page.total).toBe(5);
    expect(page.paging?.next.after).toBe("2");
    expect(first.headers.get("x-hubspot-ratelimit-max")).toBeNull();

    expect((await raw("/crm/v3/objects/contacts/search", { ...body, limit: 201 })).status).toBe(
      400,
    );
    const burst = await Promise.all(
      Array.from({ length: 6 }, () => raw("/crm/v3/objects/contacts/search", body)),
    );
    expect(burst.map((r) => r.status)).toContain(429);
  });

  it("C7: rateLimitBurst answers 429 TEN_SECONDLY_ROLLING, then the batch succeeds", async () => {
    await postJson(`${hs.apiUrl}/__sandbox/faults`, { rateLimitBurst: 1 });
    const input = { inputs: [{ idProperty: "email", id: "r@example.jp", properties: {} }] };
    const limited = await raw("/crm/v3/objects/contacts/batch/upsert", input);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({
      status: "error",
      errorType: "RATE_LIMIT",
      policyName: "TEN_SECONDLY_ROLLING",
      message: "You have reached your ten_secondly_rolling limit.",
    });
    expect(limited.headers.get("x-hubspot-ratelimit-interval-milliseconds")).toBe("10000");
    expect((await raw("/crm/v3/objects/contacts/batch/upsert", input)).status).toBe(200);
  });

  it("enforces 110 requests per 10 s per portal", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 111; i++)
      statuses.push((await raw("/crm/v3/objects/contacts?limit=1", undefined, "GET")).status);
    expect(statuses.slice(0, 110).every((s) => s === 200)).toBe(true);
    expect(statuses[110]).toBe(429);
  });

  it("C5: a committed create answered late leaves one contact after an upsert retry", async () => {
    await postJson(`${hs.apiUrl}/__sandbox/faults`, { commitThenDelayMs: 400 });
    const input = {
      inputs: [{ idProperty: "email", id: "late@example.jp", properties: { company: "A" } }],
    };
    const send = (signal?: AbortSignal) =>
      fetch(`${hs.apiUrl}/crm/v3/objects/contacts/batch/upsert`, {
        method: "POST",
        signal,
        body: JSON.stringify(input),
        headers: { authorization: `Bearer ${accessToken}`, "content-type": "application/json" },
      });
    await expect(send(AbortSignal.timeout(100))).rejects.toThrow();
    await fetch(`${hs.apiUrl}/__sandbox/faults`, { method: "DELETE" });
    const retry = (await (await send()).json()) as { results: { new: boolean }[] };
    expect(retry.results[0]?.new).toBe(false);
    expect(await getJson<unknown[]>(`${hs.apiUrl}/__sandbox/records/contacts`)).toHaveLength(1);
  });
});
