import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { POST as hubspotWebhook } from "@/app/api/v1/webhooks/hubspot/route";
import { POST as salesforceWebhook } from "@/app/api/v1/webhooks/salesforce/route";
import { pollIntegration } from "@/lib/inbound/poll-crm-changes";
import { issueOutboundMessageUrl } from "@/lib/inbound/outbound-message-url";
import type { LeadCreateInput } from "@/lib/leads/lead-schemas";
import { insertLead } from "@/lib/leads/lead-service";
import { syncDueEntries } from "@/lib/sync/sync-engine";
import { connectCrm } from "@/tests/support/connect";
import {
  createTenant,
  startHarness,
  waitFor,
  type Harness,
  type TestTenant,
} from "@/tests/support/harness";
import { startRouteServer } from "@/tests/support/route-server";

// CRM -> DiagnoLeads: status and owner changes arrive by Salesforce outbound message, HubSpot
// webhook or polling, each delivered by the sandboxes over real HTTP to the app's handlers.

let harness: Harness;
let app: Awaited<ReturnType<typeof startRouteServer>>;

beforeAll(async () => {
  app = await startRouteServer({
    "/api/v1/webhooks/salesforce": salesforceWebhook,
    "/api/v1/webhooks/hubspot": hubspotWebhook,
  });
  harness = await startHarness({ sync: "manual", env: { APP_URL: app.url } });
});
afterAll(async () => {
  await harness?.stop();
  await app?.close();
});

async function admin(baseUrl: string, path: string, body: unknown) {
  const response = await fetch(`${baseUrl}/__sandbox/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${text}`);
  return text ? (JSON.parse(text) as unknown) : null;
}

async function syncedLead(
  tenant: TestTenant,
  crm: "salesforce" | "hubspot",
  overrides: Partial<LeadCreateInput> = {},
) {
  await connectCrm(harness.db, tenant, crm);
  const { entry, lead } = await harness.db.$transaction((tx) =>
    insertLead(tx, tenant.tenantId, {
      name: "松本 結衣",
      email: `yui-${Math.random().toString(36).slice(2)}@example.jp`,
      company: "松本電機",
      score: 60,
      priority_level: "Warm",
      detected_challenges: [],
      ...overrides,
    }),
  );
  await syncDueEntries(harness.db, { ids: [entry.id], limit: 1 });
  return harness.db.lead.findUniqueOrThrow({ where: { id: lead.id } });
}

async function salesforceOrg(): Promise<{ id: string; statuses: string[]; users: string[] }> {
  const orgs = (await (
    await fetch(`${harness.salesforce.instanceUrl}/__sandbox/orgs`)
  ).json()) as Record<string, unknown>[];
  const org = orgs[0] as {
    id: string;
    leadStatuses?: string[];
    statuses?: string[];
    users?: { id: string }[];
  };
  return {
    id: org.id,
    statuses: org.leadStatuses ?? org.statuses ?? [],
    users: (org.users ?? []).map((u) => u.id),
  };
}

describe("Salesforce outbound messages", () => {
  it("apply a status change once even when delivered twice (C10), and answer with the Ack", async () => {
    const tenant = await createTenant(harness.db);
    const lead = await syncedLead(tenant, "salesforce");
    const url = await issueOutboundMessageUrl(harness.db, tenant.tenantId, tenant.userId);
    await admin(harness.salesforce.instanceUrl, "outbound-messages", { endpointUrl: url });
    const org = await salesforceOrg();
    const status = org.statuses[1] as string;

    await admin(harness.salesforce.instanceUrl, `records/Lead/${lead.crmExternalId}`, {
      Status: status,
    });
    const updated = await waitFor(async () => {
      const row = await harness.db.lead.findUniqueOrThrow({ where: { id: lead.id } });
      return row.status === status ? row : undefined;
    });
    expect(updated.crmStatusChangedAt).not.toBeNull();
    type Delivery = { id: string; notificationIds: string[]; outcome: string };
    const deliveries = async () =>
      (await (
        await fetch(`${harness.salesforce.instanceUrl}/__sandbox/deliveries`)
      ).json()) as Delivery[];
    const first = await waitFor(async () =>
      (await deliveries()).find((d) => d.outcome === "acked"),
    );
    await admin(harness.salesforce.instanceUrl, `deliveries/${first.id}/redeliver`, {});
    const acked = await waitFor(async () => {
      const same = (await deliveries()).filter(
        (d) => d.outcome === "acked" && d.notificationIds.join() === first.notificationIds.join(),
      );
      return same.length >= 2 ? same : undefined;
    });
    expect(acked.length).toBe(2);
    const logs = await harness.db.crmSyncLog.findMany({
      where: { leadId: lead.id, direction: "from_crm" },
    });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({
      syncType: "update",
      status: "success",
      // The message also carries the record's owner, which DiagnoLeads did not know yet.
      fieldsSynced: ["status", "owner"],
    });
    expect(updated.owner).toMatch(/^005/);
    const audit = await harness.db.auditLog.findFirstOrThrow({
      where: { tenantId: tenant.tenantId, action: "lead.updated_from_crm" },
    });
    expect(audit).toMatchObject({ actorType: "crm", targetId: lead.id });
  });

  it("refuses a wrong token and a wrong organization, changing nothing", async () => {
    const tenant = await createTenant(harness.db);
    const lead = await syncedLead(tenant, "salesforce");
    const url = await issueOutboundMessageUrl(harness.db, tenant.tenantId, tenant.userId);
    const envelope = (orgId: string) =>
      `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><notifications xmlns="http://soap.sforce.com/2005/09/outbound"><OrganizationId>${orgId}</OrganizationId><Notification><Id>04l000000000001AAA</Id><sObject xmlns:sf="urn:sobject.enterprise.soap.sforce.com"><sf:Id>${lead.crmExternalId}</sf:Id><sf:Status>Hacked</sf:Status></sObject></Notification></notifications></soapenv:Body></soapenv:Envelope>`;
    const org = await salesforceOrg();
    const post = (target: string, body: string) =>
      fetch(target, { method: "POST", headers: { "content-type": "text/xml" }, body });

    expect((await post(url.replace(/token=[^&]+/, "token=forged"), envelope(org.id))).status).toBe(
      401,
    );
    expect((await post(url, envelope("00D000000000000XXX"))).status).toBe(401);
    expect((await post(url, `<!DOCTYPE x [<!ENTITY a "b">]>${envelope(org.id)}`)).status).toBe(400);
    expect((await post(url, "<not-soap/>")).status).toBe(400);
    expect((await harness.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).status).toBe(
      lead.status,
    );
  });
});

describe("HubSpot webhooks", () => {
  async function deliver(events: object[], timestamp?: number) {
    return (await admin(harness.hubspot.apiUrl, "webhooks/deliver", {
      events,
      ...(timestamp ? { timestamp: String(timestamp) } : {}),
    })) as Record<string, unknown>;
  }

  it("C9: out-of-order and repeated status events leave the newest status", async () => {
    const tenant = await createTenant(harness.db);
    const lead = await syncedLead(tenant, "hubspot");
    const integration = await harness.db.crmIntegration.findUniqueOrThrow({
      where: { tenantId: tenant.tenantId },
    });
    await admin(harness.hubspot.apiUrl, "webhooks", {
      targetUrl: `${app.url}/api/v1/webhooks/hubspot`,
      subscriptions: ["contact.propertyChange"],
    });
    const event = (value: string, at: string) => ({
      portalId: Number(integration.externalAccountId),
      occurredAt: Date.parse(at),
      subscriptionType: "contact.propertyChange",
      objectId: Number(lead.crmExternalId),
      propertyName: "hs_lead_status",
      propertyValue: value,
      changeSource: "CRM_UI",
    });
    await deliver([event("CONNECTED", "2026-12-03T10:05:00Z")]);
    await deliver([event("NEW", "2026-12-03T10:00:00Z")]);
    const sent = await deliver([event("CONNECTED", "2026-12-03T10:05:00Z")]);
    expect(sent.httpStatus).toBe(204);

    const row = await harness.db.lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(row.status).toBe("CONNECTED");
    expect(
      await harness.db.crmSyncLog.count({ where: { leadId: lead.id, direction: "from_crm" } }),
    ).toBe(1);
  });

  it("C8: the signature covers the raw body (Japanese included) and a fresh timestamp", async () => {
    const tenant = await createTenant(harness.db);
    const lead = await syncedLead(tenant, "hubspot");
    const integration = await harness.db.crmIntegration.findUniqueOrThrow({
      where: { tenantId: tenant.tenantId },
    });
    await admin(harness.hubspot.apiUrl, "webhooks", {
      targetUrl: `${app.url}/api/v1/webhooks/hubspot`,
      subscriptions: ["contact.propertyChange"],
    });
    const ownerEvent = {
      portalId: Number(integration.externalAccountId),
      occurredAt: Date.now(),
      subscriptionType: "contact.propertyChange",
      objectId: Number(lead.crmExternalId),
      propertyName: "hubspot_owner_id",
      propertyValue: "担当者-山本",
    };
    const accepted = await deliver([ownerEvent]);
    expect(accepted.httpStatus).toBe(204);
    expect((await harness.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).owner).toBe(
      "担当者-山本",
    );

    const stale = await deliver(
      [{ ...ownerEvent, propertyValue: "古い", occurredAt: Date.now() + 1 }],
      Date.now() - 6 * 60_000,
    );
    expect(stale.httpStatus).toBe(401);
    const body = JSON.stringify([{ ...ownerEvent, eventId: 1, propertyValue: "偽物" }]);
    const forged = await fetch(`${app.url}/api/v1/webhooks/hubspot`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-hubspot-request-timestamp": String(Date.now()),
        "x-hubspot-signature-v3": "AAAA",
      },
      body,
    });
    expect(forged.status).toBe(401);
    expect((await harness.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).owner).toBe(
      "担当者-山本",
    );
  });
});

describe("polling", () => {
  // Without webhooks or outbound messages, so that only the poll can bring the change back.
  beforeAll(async () => {
    for (const url of [
      `${harness.salesforce.instanceUrl}/__sandbox/outbound-messages`,
      `${harness.hubspot.apiUrl}/__sandbox/webhooks`,
    ]) {
      const response = await fetch(url, { method: "DELETE" });
      if (!response.ok) throw new Error(`DELETE ${url}: ${response.status}`);
    }
  });

  it.each(["salesforce", "hubspot"] as const)(
    "%s: a change made in the CRM is read back by the next poll",
    async (crm) => {
      const tenant = await createTenant(harness.db);
      const lead = await syncedLead(tenant, crm);
      let expected: string;
      if (crm === "salesforce") {
        const org = await salesforceOrg();
        expected = org.statuses[2] as string;
        await admin(harness.salesforce.instanceUrl, `records/Lead/${lead.crmExternalId}`, {
          Status: expected,
        });
      } else {
        expected = "IN_PROGRESS";
        await admin(harness.hubspot.apiUrl, `records/contacts/${lead.crmExternalId}`, {
          properties: { hs_lead_status: expected },
        });
      }
      const integration = await harness.db.crmIntegration.findUniqueOrThrow({
        where: { tenantId: tenant.tenantId },
      });

      const result = await pollIntegration(harness.db, integration);

      expect(result.applied).toBeGreaterThanOrEqual(1);
      expect((await harness.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).status).toBe(
        expected,
      );
      const polled = await harness.db.crmIntegration.findUniqueOrThrow({
        where: { tenantId: tenant.tenantId },
      });
      expect(polled.lastPolledAt).not.toBeNull();
      const again = await pollIntegration(harness.db, polled);
      expect(again.applied).toBe(0);
    },
  );
});
