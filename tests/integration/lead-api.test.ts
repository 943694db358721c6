import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { POST as createLeadRoute } from "@/app/api/v1/tenants/[tenantId]/leads/route";
import { PATCH as updateLeadRoute } from "@/app/api/v1/tenants/[tenantId]/leads/[leadId]/route";
import { callRoute } from "@/tests/support/api-client";
import { createTenant, startHarness, type Harness, type TestTenant } from "@/tests/support/harness";

// The lead API's contract: a change touches only what it names; text that cannot be stored
// faithfully is refused with the standard error shape.

let harness: Harness;
let tenant: TestTenant;
beforeAll(async () => {
  harness = await startHarness({ sync: "manual" });
  tenant = await createTenant(harness.db);
});
afterAll(async () => harness?.stop());

async function create(body: unknown) {
  return callRoute(createLeadRoute, {
    method: "POST",
    path: `/api/v1/tenants/${tenant.tenantId}/leads`,
    params: { tenantId: tenant.tenantId },
    apiKey: tenant.apiKey,
    body,
  });
}

async function patch(leadId: string, body: unknown) {
  return callRoute(updateLeadRoute, {
    method: "PATCH",
    path: `/api/v1/tenants/${tenant.tenantId}/leads/${leadId}`,
    params: { tenantId: tenant.tenantId, leadId },
    apiKey: tenant.apiKey,
    body,
  });
}

describe("PATCH a lead", () => {
  it("changes only the fields it names", async () => {
    const created = await create({
      name: "井上 陽介",
      priority_level: "Hot",
      score: 50,
      detected_challenges: ["a", "b", "c"],
      status: "contacted",
    });
    const id = (created.body as { id: string }).id;

    const result = await patch(id, { company: "井上工務店" });

    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      company: "井上工務店",
      score: 50,
      detected_challenges: ["a", "b", "c"],
      status: "contacted",
      priority_level: "Hot",
    });
  });

  it("refuses an empty change", async () => {
    const created = await create({ name: "空 変更", priority_level: "Cold" });
    const result = await patch((created.body as { id: string }).id, {});
    expect(result).toMatchObject({ status: 422, body: { error: { code: "validation_failed" } } });
  });
});

describe("text that cannot be stored faithfully", () => {
  it.each([
    ["a NUL in the name", { name: "nul\u0000b", priority_level: "Warm" }],
    ["an unpaired surrogate", { name: "x\ud800y", priority_level: "Warm" }],
    [
      "a NUL inside a challenge object",
      { name: "x", priority_level: "Warm", detected_challenges: [{ k: "v\u0000" }] },
    ],
    [
      "a 65-character email local part",
      { name: "x", priority_level: "Warm", email: `${"a".repeat(65)}@example.jp` },
    ],
  ])("%s is refused with 422 and stores nothing", async (_name, body) => {
    const before = await harness.db.lead.count({ where: { tenantId: tenant.tenantId } });
    const result = await create(body);
    expect(result).toMatchObject({ status: 422, body: { error: { code: "validation_failed" } } });
    expect(await harness.db.lead.count({ where: { tenantId: tenant.tenantId } })).toBe(before);
  });

  it("keeps emoji, 𠮷 and combining characters exactly", async () => {
    const name = "𠮷田 か\u3099 😀";
    const result = await create({ name, priority_level: "Warm" });
    expect((result.body as { name: string }).name).toBe(name);
  });
});
