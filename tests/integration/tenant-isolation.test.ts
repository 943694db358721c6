import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as leads from "@/app/api/v1/tenants/[tenantId]/leads/route";
import * as lead from "@/app/api/v1/tenants/[tenantId]/leads/[leadId]/route";
import * as assessments from "@/app/api/v1/tenants/[tenantId]/leads/[leadId]/assessment-responses/route";
import * as connect from "@/app/api/v1/tenants/[tenantId]/integrations/[crm]/connect/route";
import * as fieldMapping from "@/app/api/v1/tenants/[tenantId]/integrations/[crm]/field-mapping/route";
import * as syncLead from "@/app/api/v1/tenants/[tenantId]/integrations/[crm]/sync-lead/route";
import * as syncStatus from "@/app/api/v1/tenants/[tenantId]/integrations/[crm]/sync-status/route";
import { callRoute } from "@/tests/support/api-client";
import { connectCrm } from "@/tests/support/connect";
import {
  createTenant,
  startHarness,
  waitFor,
  type Harness,
  type TestTenant,
} from "@/tests/support/harness";

// A tenant's key never reaches another tenant's data: every route answers 404 (not 403, which
// would confirm the tenant exists), and nothing changes.

let harness: Harness;
let alice: TestTenant;
let bob: TestTenant;
let bobLeadId: string;

beforeAll(async () => {
  harness = await startHarness();
  alice = await createTenant(harness.db, "Alice株式会社");
  bob = await createTenant(harness.db, "Bob Inc.");
  await connectCrm(harness.db, bob, "salesforce");
  const created = await callRoute(leads.POST, {
    method: "POST",
    path: `/api/v1/tenants/${bob.tenantId}/leads`,
    params: { tenantId: bob.tenantId },
    apiKey: bob.apiKey,
    body: { name: "Bob Lead", email: "lead@bob.example", company: "Bob", priority_level: "Cold" },
  });
  bobLeadId = (created.body as { id: string }).id;
  // Let the background sync finish so the lead does not change under the assertions.
  await waitFor(
    async () =>
      (await harness.db.lead.findUniqueOrThrow({ where: { id: bobLeadId } })).crmSyncStatus ===
      "synced",
  );
});
afterAll(async () => harness?.stop());

type Route = Parameters<typeof callRoute>[0];
type Target = "tenant" | "lead" | "crm";

const ROUTES: [string, Route, string, Target, unknown][] = [
  ["list leads", leads.GET, "GET", "tenant", undefined],
  ["create lead", leads.POST, "POST", "tenant", { name: "x", priority_level: "Hot" }],
  ["read lead", lead.GET, "GET", "lead", undefined],
  ["update lead", lead.PATCH, "PATCH", "lead", { score: 1 }],
  ["delete lead", lead.DELETE, "DELETE", "lead", undefined],
  [
    "record assessment",
    assessments.POST,
    "POST",
    "lead",
    {
      assessment_name: "x",
      answers: [{ question: "q", answer: "a" }],
    },
  ],
  ["connect", connect.POST, "POST", "crm", {}],
  ["read field mapping", fieldMapping.GET, "GET", "crm", undefined],
  [
    "write field mapping",
    fieldMapping.PUT,
    "PUT",
    "crm",
    {
      mappings: [{ diagno_field: "lead.name", salesforce_field: "LastName", transform: null }],
    },
  ],
  ["sync lead", syncLead.POST, "POST", "crm", "sync-lead"],
  ["sync status", syncStatus.GET, "GET", "crm", undefined],
];

function paramsFor(target: Target): Record<string, string> {
  if (target === "lead") return { tenantId: bob.tenantId, leadId: bobLeadId };
  if (target === "crm") return { tenantId: bob.tenantId, crm: "salesforce" };
  return { tenantId: bob.tenantId };
}

describe("another tenant's API key", () => {
  it.each(ROUTES)(
    "gets 404 from %s and changes nothing",
    async (_name, handler, method, target, rawBody) => {
      const body = rawBody === "sync-lead" ? { lead_id: bobLeadId, sync_type: "update" } : rawBody;
      const params = paramsFor(target);
      const before = await harness.db.lead.findUniqueOrThrow({ where: { id: bobLeadId } });
      const result = await callRoute(handler, {
        method,
        path: `/api/v1/tenants/${params.tenantId}/x`,
        params,
        apiKey: alice.apiKey,
        body,
      });
      expect(result.status).toBe(404);
      expect(result.body).toEqual({ error: { code: "not_found", message: expect.any(String) } });
      const after = await harness.db.lead.findUniqueOrThrow({ where: { id: bobLeadId } });
      expect(after).toEqual(before);
      expect(await harness.db.lead.count({ where: { tenantId: bob.tenantId } })).toBe(1);
    },
  );

  it("cannot reach Bob's lead through Alice's own URL either", async () => {
    const result = await callRoute(lead.GET, {
      method: "GET",
      path: `/api/v1/tenants/${alice.tenantId}/leads/${bobLeadId}`,
      params: { tenantId: alice.tenantId, leadId: bobLeadId },
      apiKey: alice.apiKey,
    });
    expect(result.status).toBe(404);
  });
});

describe("bad credentials and bad input", () => {
  it.each([
    ["no credentials", undefined, 401, "unauthorized"],
    ["an unknown key", "dl_live_unknown", 401, "unauthorized"],
  ])("%s gets %s", async (_name, apiKey, status, code) => {
    const result = await callRoute(leads.GET, {
      method: "GET",
      path: `/api/v1/tenants/${bob.tenantId}/leads`,
      params: { tenantId: bob.tenantId },
      apiKey,
    });
    expect(result).toMatchObject({ status, body: { error: { code } } });
  });

  it.each([
    ["malformed JSON", "{not json", 400, "bad_request"],
    ["a missing name", { priority_level: "Hot" }, 422, "validation_failed"],
    ["an unknown priority", { name: "x", priority_level: "Lukewarm" }, 422, "validation_failed"],
    [
      "an invalid email",
      { name: "x", priority_level: "Hot", email: "nope" },
      422,
      "validation_failed",
    ],
    [
      "a score over 100",
      { name: "x", priority_level: "Hot", score: 101 },
      422,
      "validation_failed",
    ],
    [
      "an unknown field",
      { name: "x", priority_level: "Hot", tenant_id: "00000000-0000-4000-8000-000000000000" },
      422,
      "validation_failed",
    ],
    [
      "a 300-character name",
      { name: "あ".repeat(300), priority_level: "Hot" },
      422,
      "validation_failed",
    ],
  ])("%s is refused with %i and creates nothing", async (_name, body, status, code) => {
    const before = await harness.db.lead.count();
    const result = await callRoute(leads.POST, {
      method: "POST",
      path: `/api/v1/tenants/${bob.tenantId}/leads`,
      params: { tenantId: bob.tenantId },
      apiKey: bob.apiKey,
      body,
    });
    expect(result).toMatchObject({
      status,
      body: { error: { code, message: expect.any(String) } },
    });
    expect(await harness.db.lead.count()).toBe(before);
  });
});
