import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { XMLParser } from "fast-xml-parser";
import { startSalesforceSandbox, type SalesforceSandbox } from "../salesforce";
import { ACK_TRUE, startListener } from "./listener";
import { connectOrg, validLead } from "./sf-helpers";
import { getJson, postJson, waitFor } from "./wait";

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

type Delivery = { outcome: string; attempt: number; notificationIds: string[] };
const parser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: false });

async function salesRepId(): Promise<string> {
  const orgs = await getJson<{ role: string; users: { id: string }[] }[]>(
    `${sf.instanceUrl}/__sandbox/orgs`,
  );
  return orgs.find((o) => o.role === "production")?.users[1]?.id ?? "";
}

async function seedLead(name = "山田") {
  const { conn } = await connectOrg(sf);
  const created = await conn
    .sobject("Lead")
    .create(validLead({ LastName: name, DiagnoLeadsId__c: "dl-1" }));
  return (created as { id: string }).id;
}

describe("Salesforce outbound messages", () => {
  it("sends a SOAP envelope when a rep changes Status, Japanese intact", async () => {
    const listener = await startListener(() => ({ status: 200, body: ACK_TRUE }));
    try {
      await postJson(`${sf.instanceUrl}/__sandbox/outbound-messages`, {
        endpointUrl: listener.url,
      });
      const id = await seedLead("山田 <&>");
      const edit = await postJson(`${sf.instanceUrl}/__sandbox/records/Lead/${id}`, {
        Status: "Working - Contacted",
      });
      expect(edit.status).toBe(200);

      await waitFor(() => listener.received.length === 1);
      const xml = listener.received[0]?.body ?? "";
      const envelope = parser.parse(xml) as {
        Envelope: { Body: { notifications: Record<string, unknown> } };
      };
      const notifications = envelope.Envelope.Body.notifications;
      expect(String(notifications.OrganizationId)).toMatch(/^00D\w{15}$/);
      const sobject = (notifications.Notification as { sObject: Record<string, unknown> }).sObject;
      expect(sobject["@_type"]).toBe("sf:Lead");
      expect(sobject).toMatchObject({
        Id: id,
        Status: "Working - Contacted",
        DiagnoLeadsId__c: "dl-1",
      });
      expect(listener.received[0]?.headers["content-type"]).toContain("charset=utf-8");

      const deliveries = await waitFor(async () => {
        const list = await getJson<Delivery[]>(`${sf.instanceUrl}/__sandbox/deliveries`);
        return list[0]?.outcome === "acked" ? list : undefined;
      });
      expect(deliveries).toHaveLength(1);
    } finally {
      await listener.close();
    }
  });

  it("C10: retries an unacknowledged delivery with the same notification Id", async () => {
    const listener = await startListener((_r, index) =>
      index === 0 ? { status: 500, body: "boom" } : { status: 200, body: ACK_TRUE },
    );
    try {
      await postJson(`${sf.instanceUrl}/__sandbox/faults`, { outboundRetryDelaysMs: [20, 20] });
      await postJson(`${sf.instanceUrl}/__sandbox/outbound-messages`, {
        endpointUrl: listener.url,
      });
      const id = await seedLead();
      await postJson(`${sf.instanceUrl}/__sandbox/records/Lead/${id}`, {
        OwnerId: await salesRepId(),
      });

      const deliveries = await waitFor(async () => {
        const list = await getJson<Delivery[]>(`${sf.instanceUrl}/__sandbox/deliveries`);
        return list.some((d) => d.outcome === "acked") ? list : undefined;
      });
      expect(deliveries.map((d) => d.outcome)).toEqual(["failed", "acked"]);
      expect(deliveries[1]?.notificationIds).toEqual(deliveries[0]?.notificationIds);
      const ids = listener.received.map((r) => /<Notification><Id>([^<]+)</.exec(r.body)?.[1]);
      expect(ids[0]).toMatch(/^04l\w{15}$/);
      expect(ids[1]).toBe(ids[0]);

      const first = (await getJson<{ id: string }[]>(`${sf.instanceUrl}/__sandbox/deliveries`))[0];
      const again = await fetch(`${sf.instanceUrl}/__sandbox/deliveries/${first?.id}/redeliver`, {
        method: "POST",
      });
      expect(((await again.json()) as Delivery).outcome).toBe("acked");
      expect(/<Notification><Id>([^<]+)</.exec(listener.received[2]?.body ?? "")?.[1]).toBe(ids[0]);
    } finally {
      await listener.close();
    }
  });

  it("notifies API updates of Status too, but not other fields", async () => {
    const listener = await startListener(() => ({ status: 200, body: ACK_TRUE }));
    try {
      await postJson(`${sf.instanceUrl}/__sandbox/outbound-messages`, {
        endpointUrl: listener.url,
      });
      const { conn } = await connectOrg(sf);
      const { id } = (await conn.sobject("Lead").create(validLead())) as { id: string };
      await conn.sobject("Lead").update({ Id: id, Phone: "03-1234-5678" });
      await conn.sobject("Lead").update({ Id: id, Status: "Closed - Converted" });
      await waitFor(() => listener.received.length >= 1);
      const deliveries = await getJson<Delivery[]>(`${sf.instanceUrl}/__sandbox/deliveries`);
      expect(deliveries).toHaveLength(1);
      expect(listener.received[0]?.body).toContain("<sf:Status>Closed - Converted</sf:Status>");
    } finally {
      await listener.close();
    }
  });

  it("console lists escaped records and its form changes the status", async () => {
    const id = await seedLead("<script>alert(1)</script>");
    const html = await (await fetch(`${sf.instanceUrl}/__sandbox/console`)).text();
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script>alert(1)");
    expect(html).toContain('<option value="Closed - Converted">');

    const posted = await fetch(`${sf.instanceUrl}/__sandbox/console/leads/${id}`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ Status: "Closed - Converted", OwnerId: await salesRepId() }),
    });
    expect(posted.status).toBe(303);
    const leads = await getJson<{ Id: string; Status: string }[]>(
      `${sf.instanceUrl}/__sandbox/records/Lead`,
    );
    expect(leads.find((l) => l.Id === id)?.Status).toBe("Closed - Converted");
  });
});
