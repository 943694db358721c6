import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Client } from "@hubspot/api-client";
import { FilterOperatorEnum } from "@hubspot/api-client/lib/codegen/crm/contacts";
import { startHubSpotSandbox, type HubSpotSandbox } from "../hubspot";
import { connectPortal } from "./hs-helpers";
import { startListener } from "./listener";
import { getJson, postJson, waitFor } from "./wait";

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

const raw = (path: string, body: unknown) =>
  fetch(`${hs.apiUrl}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${accessToken}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
const create = (email: string) =>
  client.crm.contacts.basicApi.create({
    properties: { email, lastname: "山田" },
    associations: [],
  });

// The product's change poll: modified after a watermark (epoch ms), oldest first.
const pollSince = (since: number, after?: string) =>
  client.crm.contacts.searchApi.doSearch({
    filterGroups: [
      {
        filters: [
          {
            propertyName: "lastmodifieddate",
            operator: FilterOperatorEnum.Gt,
            value: String(since),
          },
        ],
      },
    ],
    sorts: ["lastmodifieddate"],
    properties: ["email", "lastmodifieddate"],
    limit: 2,
    ...(after ? { after } : {}),
  });

describe("HubSpot batch behaviours", () => {
  it("batch upsert by email updates an existing contact (new: false), never a 409", async () => {
    const existing = await create("old@example.jp");
    const response = await raw("/crm/v3/objects/contacts/batch/upsert", {
      inputs: [{ idProperty: "email", id: "Old@Example.jp", properties: { company: "旧" } }],
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { results: { id: string; new: boolean }[] };
    expect(body.results).toEqual([expect.objectContaining({ id: existing.id, new: false })]);
  });

  it("treats two spellings of one email in an upsert batch as a repeated id", async () => {
    const response = await raw("/crm/v3/objects/contacts/batch/upsert", {
      inputs: [
        { idProperty: "email", id: "dup@example.jp", properties: {} },
        { idProperty: "email", id: "DUP@example.jp", properties: {} },
      ],
    });
    expect(response.status).toBe(400);
  });

  it("batch update of a missing id is a per-record OBJECT_NOT_FOUND in a 207", async () => {
    const kept = await create("kept@example.jp");
    const response = await raw("/crm/v3/objects/contacts/batch/update", {
      inputs: [
        { id: kept.id, properties: { company: "更新" } },
        { id: "424242", properties: { company: "x" } },
      ],
    });
    expect(response.status).toBe(207);
    const body = (await response.json()) as {
      results: { id: string }[];
      numErrors: number;
      errors: { status: string; category: string; context: { ids: string[] } }[];
    };
    expect(body.results.map((r) => r.id)).toEqual([kept.id]);
    expect(body.numErrors).toBe(1);
    expect(body.errors[0]).toMatchObject({
      status: "error",
      category: "OBJECT_NOT_FOUND",
      context: { ids: ["424242"] },
    });
  });
});

describe("HubSpot search", () => {
  it("polls lastmodifieddate GT epoch ms, ascending, paging with after", async () => {
    await create("before@example.jp");
    const since = Date.now();
    await waitFor(() => Date.now() > since);
    for (const email of ["a@example.jp", "b@example.jp", "c@example.jp"]) await create(email);

    const first = await pollSince(since);
    expect(first.total).toBe(3);
    expect(first.paging?.next?.after).toBeTruthy();
    const second = await pollSince(since, first.paging?.next?.after);
    expect(second.paging).toBeUndefined();
    const emails = [...first.results, ...second.results].map((r) => r.properties.email);
    expect(emails).toEqual(["a@example.jp", "b@example.jp", "c@example.jp"]);
  });

  it("is eventually consistent: new records are missing and updates stale until indexed", async () => {
    const updated = await create("seen@example.jp");
    await postJson(`${hs.apiUrl}/__sandbox/faults`, { searchIndexLagMs: 300 });
    await create("fresh@example.jp");
    await client.crm.contacts.basicApi.update(updated.id, { properties: { company: "新" } });

    const byEmail = (email: string) =>
      client.crm.contacts.searchApi.doSearch({
        filterGroups: [
          { filters: [{ propertyName: "email", operator: FilterOperatorEnum.Eq, value: email }] },
        ],
        properties: ["email", "company"],
      });
    expect((await byEmail("fresh@example.jp")).total).toBe(0);
    const stale = await byEmail("seen@example.jp");
    expect(stale.results[0]?.properties.company ?? null).toBeNull();

    const indexed = async () =>
      (await byEmail("fresh@example.jp")).total === 1 &&
      (await byEmail("seen@example.jp")).results[0]?.properties.company === "新";
    // Search is limited to 5 requests/s, so the probe waits between tries.
    await waitFor(indexed, { intervalMs: 450 });
  });
});

describe("HubSpot webhook configuration", () => {
  it("DELETE /__sandbox/webhooks removes the target and subscriptions", async () => {
    const listener = await startListener(() => ({ status: 200, body: "" }));
    try {
      await postJson(`${hs.apiUrl}/__sandbox/webhooks`, {
        targetUrl: listener.url,
        subscriptions: ["contact.creation"],
      });
      await create("first@example.jp");
      await waitFor(() => listener.received.length === 1);

      expect((await fetch(`${hs.apiUrl}/__sandbox/webhooks`, { method: "DELETE" })).status).toBe(
        200,
      );
      expect(await getJson(`${hs.apiUrl}/__sandbox/state`)).toMatchObject({ webhooks: null });
      await create("second@example.jp");
      const crafted = await postJson(`${hs.apiUrl}/__sandbox/webhooks/deliver`, {
        events: [{ subscriptionType: "contact.creation", objectId: 1 }],
      });
      expect(await crafted.json()).toBeNull();
      expect(listener.received).toHaveLength(1);
    } finally {
      await listener.close();
    }
  });
});
