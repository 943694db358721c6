import { randomUUID } from "node:crypto";

import { expect } from "@playwright/test";

import { readFixture } from "./fixture";
import { parseWebhookEvents, verifyHubSpotSignatureV3 } from "./support/hubspot-webhooks";
import { notificationsAbout, parseOutboundMessage } from "./support/salesforce-outbound";
import {
  headerValue,
  HUBSPOT_ACCEPTED_REPLY,
  SALESFORCE_ACK_REPLY,
  test,
} from "./support/test-listener";

// A sales rep edits a record in each sandbox's console; the CRM then calls our endpoint the way
// the real one would: Salesforce with a SOAP outbound message naming the org, HubSpot with a
// v3-signed webhook. A local listener stands in for our receiver and checks what arrived.

const fixture = readFixture();
const HUBSPOT_CLIENT_SECRET = "diagnoleads-hs-secret";

test("a Status changed in the Salesforce console arrives as an acknowledged outbound message", async ({
  page,
  request,
  listen,
}) => {
  const listener = await listen(SALESFORCE_ACK_REPLY);
  const sandbox = fixture.salesforce.instanceUrl;
  const orgs = (await (await request.get(`${sandbox}/__sandbox/orgs`)).json()) as {
    id: string;
    leadStatuses: string[];
  }[];
  const org = orgs[0] ?? { id: "", leadStatuses: [] };
  // Lead Status values differ per org, so both come from the org's own picklist.
  const [firstStatus = "", newStatus = ""] = org.leadStatuses;
  expect(newStatus).not.toBe("");

  // The message carries only Id, Status, OwnerId, LastModifiedDate and DiagnoLeadsId__c, so the
  // Japanese text that must survive the trip travels in DiagnoLeadsId__c.
  const diagnoLeadsId = `山田製作所-${randomUUID().slice(0, 8)}`;
  const seeded = await request.post(`${sandbox}/__sandbox/records/Lead`, {
    data: {
      orgId: org.id,
      fields: {
        LastName: "山田",
        FirstName: "太郎",
        Company: "山田製作所",
        Status: firstStatus,
        DiagnoLeadsId__c: diagnoLeadsId,
      },
    },
  });
  expect(seeded.status()).toBe(201);
  const { id: leadId } = (await seeded.json()) as { id: string };

  // A secret path segment, as a per-integration token in the endpoint URL would be.
  const endpointUrl = `${listener.origin}/salesforce/outbound/${randomUUID()}`;
  const configured = await request.post(`${sandbox}/__sandbox/outbound-messages`, {
    data: { orgId: org.id, endpointUrl },
  });
  expect(configured.status()).toBe(201);

  await page.goto(`${sandbox}/__sandbox/console`);
  const leadRow = page.getByRole("row").filter({ hasText: leadId });
  await expect(leadRow).toContainText("山田製作所");
  await expect(leadRow.getByLabel("Status")).toHaveValue(firstStatus);
  await leadRow.getByLabel("Status").selectOption(newStatus);
  await leadRow.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("row").filter({ hasText: leadId }).getByLabel("Status")).toHaveValue(
    newStatus,
  );

  const bodies = () => listener.received.map((r) => r.body);
  await expect
    .poll(() => notificationsAbout(bodies(), leadId).map((n) => n.fields.Status))
    .toContain(newStatus);
  const delivered = listener.received.find((r) => notificationsAbout([r.body], leadId).length);
  if (!delivered) throw new Error("no outbound message about the lead");
  const message = parseOutboundMessage(delivered.body);
  const notification = message.notifications.find((n) => n.fields.Id === leadId);

  expect(delivered.method).toBe("POST");
  expect(listener.origin + delivered.url).toBe(endpointUrl);
  expect(headerValue(delivered.headers, "content-type")).toMatch(/^text\/xml/);
  expect(message.organizationId).toBe(org.id);
  for (const each of message.notifications) expect(each.id).toMatch(/\S/);
  expect(notification).toMatchObject({
    sObjectType: "sf:Lead",
    fields: { Id: leadId, Status: newStatus, DiagnoLeadsId__c: diagnoLeadsId },
  });
  expect(delivered.body.includes(Buffer.from(diagnoLeadsId, "utf8"))).toBe(true);

  await expect
    .poll(async () => {
      const deliveries = (await (await request.get(`${sandbox}/__sandbox/deliveries`)).json()) as {
        notificationIds: string[];
      }[];
      return deliveries.find((d) => d.notificationIds.includes(notification?.id ?? ""));
    })
    .toMatchObject({ endpointUrl, orgId: org.id, outcome: "acked", httpStatus: 200 });
});

test("a lead status changed in the HubSpot console arrives as a v3-signed webhook", async ({
  page,
  request,
  listen,
}) => {
  const listener = await listen(HUBSPOT_ACCEPTED_REPLY);
  const sandbox = fixture.hubspot.apiUrl;
  const email = `hanako.sato+${randomUUID().slice(0, 8)}@example.jp`;
  const seeded = await request.post(`${sandbox}/__sandbox/records/contacts`, {
    data: {
      properties: {
        lastname: "佐藤",
        firstname: "花子",
        email,
        company: "佐藤商事",
        hs_lead_status: "NEW",
      },
    },
  });
  expect(seeded.status()).toBe(201);
  const { id: contactId } = (await seeded.json()) as { id: string };

  const targetUrl = `${listener.origin}/hubspot/webhooks?tenant=e2e-hubspot`;
  const configured = await request.post(`${sandbox}/__sandbox/webhooks`, {
    data: { targetUrl, subscriptions: ["contact.propertyChange"] },
  });
  expect(configured.status()).toBe(201);

  await page.goto(`${sandbox}/__sandbox/console`);
  const contactRow = page.getByRole("row").filter({ hasText: email });
  await expect(contactRow.getByLabel("Lead status")).toHaveValue("NEW");
  // The rep picks an option by its label; the webhook carries the option's value.
  await contactRow.getByLabel("Lead status").selectOption({ label: "In Progress" });
  await contactRow.getByRole("button", { name: "Save" }).click();
  await expect(
    page.getByRole("row").filter({ hasText: email }).getByLabel("Lead status"),
  ).toHaveValue("IN_PROGRESS");

  const expectedEvent = {
    subscriptionType: "contact.propertyChange",
    objectId: Number(contactId),
    propertyName: "hs_lead_status",
    propertyValue: "IN_PROGRESS",
  };
  await expect
    .poll(() => listener.received.flatMap((r) => parseWebhookEvents(r.body)))
    .toContainEqual(expect.objectContaining(expectedEvent));
  const delivered = listener.received.find((r) =>
    parseWebhookEvents(r.body).some((e) => e.objectId === expectedEvent.objectId),
  );
  if (!delivered) throw new Error("no webhook about the contact");

  const signed = {
    method: delivered.method,
    uri: listener.origin + delivered.url,
    rawBody: delivered.body,
    signature: headerValue(delivered.headers, "x-hubspot-signature-v3"),
    timestamp: headerValue(delivered.headers, "x-hubspot-request-timestamp"),
  };
  expect(signed.uri).toBe(targetUrl);
  expect(verifyHubSpotSignatureV3(signed, HUBSPOT_CLIENT_SECRET)).toBe(true);

  // The verifier can say no: to a body changed on the way, and to a replay after 5 minutes.
  const tampered = Buffer.from(delivered.body.toString("utf8").replace("IN_PROGRESS", "OPEN"));
  expect(verifyHubSpotSignatureV3({ ...signed, rawBody: tampered }, HUBSPOT_CLIENT_SECRET)).toBe(
    false,
  );
  const sixMinutesLater = Number(signed.timestamp) + 6 * 60 * 1000;
  expect(verifyHubSpotSignatureV3(signed, HUBSPOT_CLIENT_SECRET, sixMinutesLater)).toBe(false);
});
