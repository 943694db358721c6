import { createHmac } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startHubSpotSandbox, type HubSpotSandbox } from "../hubspot";
import { connectPortal, HS_CLIENT } from "./hs-helpers";
import { startListener, type Received } from "./listener";
import { getJson, postJson, waitFor } from "./wait";

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

type Event = {
  eventId: number;
  subscriptionType: string;
  propertyName?: string;
  propertyValue?: string;
  objectId: number;
  changeSource: string;
  attemptNumber: number;
  portalId: number;
  occurredAt: number;
};

function verifies(received: Received, targetUrl: string): boolean {
  const timestamp = String(received.headers["x-hubspot-request-timestamp"]);
  const expected = createHmac("sha256", HS_CLIENT.clientSecret)
    .update(`POST${targetUrl}${received.body}${timestamp}`)
    .digest("base64");
  return expected === received.headers["x-hubspot-signature-v3"];
}

async function seedContact() {
  const created = await postJson(`${hs.apiUrl}/__sandbox/records/contacts`, {
    properties: { email: "w@example.jp", lastname: "山田" },
  });
  return ((await created.json()) as { id: string }).id;
}

describe("HubSpot webhooks", () => {
  it("delivers a signed propertyChange when a rep edits a contact, Japanese intact", async () => {
    const listener = await startListener(() => ({ status: 200, body: "" }));
    try {
      await postJson(`${hs.apiUrl}/__sandbox/webhooks`, {
        targetUrl: listener.url,
        subscriptions: ["contact.propertyChange"],
      });
      const id = await seedContact();
      await postJson(`${hs.apiUrl}/__sandbox/records/contacts/${id}`, {
        properties: { hs_lead_status: "CONNECTED", lastname: "佐藤　花子" },
      });

      await waitFor(() => listener.received.length === 1);
      const received = listener.received[0] as Received;
      expect(received.headers["x-hubspot-signature-version"]).toBe("v3");
      expect(verifies(received, listener.url)).toBe(true);
      const events = JSON.parse(received.body) as Event[];
      expect(events.map((e) => e.propertyName).sort()).toEqual(["hs_lead_status", "lastname"]);
      expect(events.find((e) => e.propertyName === "lastname")).toMatchObject({
        subscriptionType: "contact.propertyChange",
        objectId: Number(id),
        propertyValue: "佐藤　花子",
        changeSource: "CRM_UI",
        attemptNumber: 0,
        portalId: 44_100_001,
      });
    } finally {
      await listener.close();
    }
  });

  it("reports API updates with changeSource INTEGRATION", async () => {
    const listener = await startListener(() => ({ status: 204, body: "" }));
    try {
      await postJson(`${hs.apiUrl}/__sandbox/webhooks`, {
        targetUrl: listener.url,
        subscriptions: [{ eventType: "contact.propertyChange", propertyName: "hubspot_owner_id" }],
      });
      const id = await seedContact();
      const { client } = await connectPortal(hs);
      await client.crm.contacts.basicApi.update(id, {
        properties: { hubspot_owner_id: "71000002", company: "x" },
      });
      await waitFor(() => listener.received.length === 1);
      const events = JSON.parse(listener.received[0]?.body ?? "[]") as Event[];
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        propertyName: "hubspot_owner_id",
        changeSource: "INTEGRATION",
      });
    } finally {
      await listener.close();
    }
  });

  it("retries a non-2xx answer with a higher attemptNumber and the same eventId", async () => {
    const listener = await startListener((_r, index) => ({
      status: index === 0 ? 500 : 200,
      body: "",
    }));
    try {
      await postJson(`${hs.apiUrl}/__sandbox/faults`, { webhookRetryDelaysMs: [20] });
      await postJson(`${hs.apiUrl}/__sandbox/webhooks`, {
        targetUrl: listener.url,
        subscriptions: ["contact.propertyChange"],
      });
      const id = await seedContact();
      await postJson(`${hs.apiUrl}/__sandbox/records/contacts/${id}`, {
        properties: { hs_lead_status: "NEW" },
      });
      await waitFor(() => listener.received.length === 2);
      const [first, second] = listener.received.map((r) => (JSON.parse(r.body) as Event[])[0]);
      expect(second?.eventId).toBe(first?.eventId);
      expect([first?.attemptNumber, second?.attemptNumber]).toEqual([0, 1]);
      const deliveries = await getJson<{ outcome: string }[]>(`${hs.apiUrl}/__sandbox/deliveries`);
      expect(deliveries.map((d) => d.outcome)).toEqual(["failed", "delivered"]);
    } finally {
      await listener.close();
    }
  });

  it("C8/C9: delivers crafted out-of-order and repeated events, all signed", async () => {
    const listener = await startListener(() => ({ status: 200, body: "" }));
    try {
      await postJson(`${hs.apiUrl}/__sandbox/webhooks`, {
        targetUrl: listener.url,
        subscriptions: ["contact.propertyChange"],
      });
      const base = {
        subscriptionType: "contact.propertyChange",
        objectId: 901,
        portalId: 44_100_001,
        propertyName: "hs_lead_status",
        changeSource: "CRM_UI",
        subscriptionId: 1000,
        attemptNumber: 0,
      };
      const late = {
        ...base,
        eventId: 5,
        propertyValue: "CONNECTED",
        occurredAt: Date.parse("2026-01-01T10:05:00Z"),
      };
      const early = {
        ...base,
        eventId: 4,
        propertyValue: "NEW",
        occurredAt: Date.parse("2026-01-01T10:00:00Z"),
      };
      const japanese = { ...late, propertyName: "lastname", propertyValue: "山田　太郎" };
      await postJson(`${hs.apiUrl}/__sandbox/webhooks/deliver`, {
        events: [japanese],
        timestamp: "1767225600000",
      });
      for (const events of [[late], [early], [late]]) {
        await postJson(`${hs.apiUrl}/__sandbox/webhooks/deliver`, { events });
      }
      await waitFor(() => listener.received.length === 4);
      expect(listener.received[0]?.headers["x-hubspot-request-timestamp"]).toBe("1767225600000");
      expect(listener.received[0]?.body).toContain("山田　太郎");
      const values = listener.received.map(
        (r) => (JSON.parse(r.body) as Event[])[0]?.propertyValue,
      );
      expect(values).toEqual(["山田　太郎", "CONNECTED", "NEW", "CONNECTED"]);
      expect(listener.received.every((r) => verifies(r, listener.url))).toBe(true);
    } finally {
      await listener.close();
    }
  });

  it("console escapes contacts and its form changes hs_lead_status", async () => {
    const created = await postJson(`${hs.apiUrl}/__sandbox/records/contacts`, {
      properties: { email: "c@example.jp", lastname: "<img src=x onerror=alert(1)>" },
    });
    const { id } = (await created.json()) as { id: string };
    const html = await (await fetch(`${hs.apiUrl}/__sandbox/console`)).text();
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain("<img src=x");
    const posted = await fetch(`${hs.apiUrl}/__sandbox/console/contacts/${id}`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ hs_lead_status: "BAD_TIMING", hubspot_owner_id: "71000003" }),
    });
    expect(posted.status).toBe(303);
    const records = await getJson<{ id: string; properties: Record<string, string> }[]>(
      `${hs.apiUrl}/__sandbox/records/contacts`,
    );
    expect(records.find((r) => r.id === id)?.properties.hs_lead_status).toBe("BAD_TIMING");
  });
});
