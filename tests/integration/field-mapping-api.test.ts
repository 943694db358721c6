import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { PUT } from "@/app/api/v1/tenants/[tenantId]/integrations/[crm]/field-mapping/route";
import { callRoute } from "@/tests/support/api-client";
import { connectCrm } from "@/tests/support/connect";
import { createTenant, startHarness, type Harness, type TestTenant } from "@/tests/support/harness";

// A mapping is checked against the connected CRM's own field list before it is saved.

let harness: Harness;
let salesforce: TestTenant;
let hubspot: TestTenant;
beforeAll(async () => {
  harness = await startHarness({ sync: "manual" });
  salesforce = await createTenant(harness.db);
  hubspot = await createTenant(harness.db);
  await connectCrm(harness.db, salesforce, "salesforce");
  await connectCrm(harness.db, hubspot, "hubspot");
});
afterAll(async () => harness?.stop());

async function put(tenant: TestTenant, crm: string, mappings: unknown[]) {
  return callRoute(PUT, {
    method: "PUT",
    path: `/api/v1/tenants/${tenant.tenantId}/integrations/${crm}/field-mapping`,
    params: { tenantId: tenant.tenantId, crm },
    apiKey: tenant.apiKey,
    body: { mappings },
  });
}

const sfRequired = [
  { diagno_field: "lead.name", salesforce_field: "LastName", transform: "split_last_name" },
  { diagno_field: "lead.company", salesforce_field: "Company", transform: null },
];

describe("PUT field-mapping", () => {
  it("saves a mapping that fits the CRM", async () => {
    const result = await put(salesforce, "salesforce", [
      ...sfRequired,
      { diagno_field: "lead.phone", salesforce_field: "Phone", transform: null },
    ]);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      mappings: expect.arrayContaining([expect.objectContaining({ salesforce_field: "Phone" })]),
    });
  });

  it.each([
    [
      "a field the CRM does not have",
      [
        ...sfRequired,
        { diagno_field: "lead.email", salesforce_field: "Totally_Made_Up__c", transform: null },
      ],
      "Totally_Made_Up__c",
    ],
    [
      "a read-only field",
      [
        ...sfRequired,
        { diagno_field: "lead.email", salesforce_field: "SystemModstamp", transform: null },
      ],
      "read-only",
    ],
    ["no mapping for a required field", [sfRequired[0]], "Company"],
  ])("refuses %s with 422 and keeps the saved mapping", async (_name, mappings, mentioned) => {
    const before = await harness.db.crmIntegration.findUniqueOrThrow({
      where: { tenantId: salesforce.tenantId },
    });
    const result = await put(salesforce, "salesforce", mappings);
    expect(result).toMatchObject({ status: 422, body: { error: { code: "validation_failed" } } });
    expect(JSON.stringify(result.body)).toContain(mentioned);
    const after = await harness.db.crmIntegration.findUniqueOrThrow({
      where: { tenantId: salesforce.tenantId },
    });
    expect(after.fieldMappings).toEqual(before.fieldMappings);
  });

  it("checks HubSpot properties too", async () => {
    const bad = await put(hubspot, "hubspot", [
      { diagno_field: "lead.email", hubspot_field: "no_such_property", transform: null },
    ]);
    expect(bad.status).toBe(422);
    const good = await put(hubspot, "hubspot", [
      { diagno_field: "lead.email", hubspot_field: "email", transform: null },
    ]);
    expect(good.status).toBe(200);
  });
});
