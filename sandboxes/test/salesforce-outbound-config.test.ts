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

const parser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: false });
const XSD_DATETIME_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function sObjectOf(xml: string): Record<string, unknown> {
  const parsed = parser.parse(xml) as {
    Envelope: { Body: { notifications: { Notification: { sObject: Record<string, unknown> } } } };
  };
  return parsed.Envelope.Body.notifications.Notification.sObject;
}

async function createAndChangeStatus(): Promise<string> {
  const { conn } = await connectOrg(sf);
  const { id } = (await conn.sobject("Lead").create(validLead({ DiagnoLeadsId__c: "dl-7" }))) as {
    id: string;
  };
  await conn.sobject("Lead").update({ Id: id, Status: "Working - Contacted" });
  return id;
}

describe("Salesforce outbound message definitions", () => {
  it("carries the chosen fields plus Id, with datetimes in xsd:dateTime UTC form", async () => {
    const listener = await startListener(() => ({ status: 200, body: ACK_TRUE }));
    try {
      const defined = await postJson(`${sf.instanceUrl}/__sandbox/outbound-messages`, {
        endpointUrl: listener.url,
        fields: ["status", "SystemModstamp", "Email"],
      });
      expect(defined.status).toBe(201);
      expect(((await defined.json()) as { fields: string[] }).fields).toEqual([
        "Id",
        "Status",
        "SystemModstamp",
        "Email",
      ]);
      const id = await createAndChangeStatus();

      await waitFor(() => listener.received.length === 1);
      const sobject = sObjectOf(listener.received[0]?.body ?? "");
      const { "@_type": type, "@_xmlns:sf": _ns, ...fields } = sobject;
      expect(type).toBe("sf:Lead");
      expect(Object.keys(fields)).toEqual(["Id", "Status", "SystemModstamp", "Email"]);
      expect(fields).toMatchObject({ Id: id, Status: "Working - Contacted" });
      expect(String(fields.SystemModstamp)).toMatch(XSD_DATETIME_UTC);
    } finally {
      await listener.close();
    }
  });

  it("sends LastModifiedDate as xsd:dateTime ending in Z by default", async () => {
    const listener = await startListener(() => ({ status: 200, body: ACK_TRUE }));
    try {
      await postJson(`${sf.instanceUrl}/__sandbox/outbound-messages`, {
        endpointUrl: listener.url,
      });
      await createAndChangeStatus();
      await waitFor(() => listener.received.length === 1);
      const sobject = sObjectOf(listener.received[0]?.body ?? "");
      expect(String(sobject.LastModifiedDate)).toMatch(XSD_DATETIME_UTC);
      expect(sobject.DiagnoLeadsId__c).toBe("dl-7");
    } finally {
      await listener.close();
    }
  });

  it("refuses a field Lead does not have", async () => {
    const response = await postJson(`${sf.instanceUrl}/__sandbox/outbound-messages`, {
      endpointUrl: "http://localhost:1/x",
      fields: ["Id", "Nope__c"],
    });
    expect(response.status).toBe(400);
  });

  it("deletes one definition by id, then all; deleted definitions stop sending", async () => {
    const url = `${sf.instanceUrl}/__sandbox/outbound-messages`;
    const first = (await (await postJson(url, { endpointUrl: "http://localhost:1/a" })).json()) as {
      id: string;
    };
    await postJson(url, { endpointUrl: "http://localhost:1/b" });

    expect((await fetch(`${url}/${first.id}`, { method: "DELETE" })).status).toBe(200);
    expect((await fetch(`${url}/${first.id}`, { method: "DELETE" })).status).toBe(404);
    expect(await getJson<unknown[]>(url)).toHaveLength(1);
    expect((await fetch(url, { method: "DELETE" })).status).toBe(200);
    expect(await getJson<unknown[]>(url)).toHaveLength(0);

    await createAndChangeStatus();
    const { id: probe } = (await (
      await postJson(`${sf.instanceUrl}/__sandbox/records/Lead`, { fields: validLead() })
    ).json()) as { id: string };
    await postJson(`${sf.instanceUrl}/__sandbox/records/Lead/${probe}`, {
      Status: "Working - Contacted",
    });
    expect(await getJson<unknown[]>(`${sf.instanceUrl}/__sandbox/deliveries`)).toHaveLength(0);
  });

  it("a deleted definition takes its pending retries with it", async () => {
    const listener = await startListener(() => ({ status: 500, body: "down" }));
    try {
      await postJson(`${sf.instanceUrl}/__sandbox/faults`, { outboundRetryDelaysMs: [50, 50] });
      await postJson(`${sf.instanceUrl}/__sandbox/outbound-messages`, {
        endpointUrl: listener.url,
      });
      await createAndChangeStatus();
      await waitFor(() => listener.received.length === 1);
      await fetch(`${sf.instanceUrl}/__sandbox/outbound-messages`, { method: "DELETE" });

      // Proving that nothing arrives needs time: three times the 50 ms retry delay.
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(listener.received).toHaveLength(1);
      expect(await getJson<unknown[]>(`${sf.instanceUrl}/__sandbox/deliveries`)).toHaveLength(1);
    } finally {
      await listener.close();
    }
  });
});
