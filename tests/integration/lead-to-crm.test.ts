import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { POST as createLeadRoute } from "@/app/api/v1/tenants/[tenantId]/leads/route";
import { POST as assessmentRoute } from "@/app/api/v1/tenants/[tenantId]/leads/[leadId]/assessment-responses/route";
import { PATCH as updateLeadRoute } from "@/app/api/v1/tenants/[tenantId]/leads/[leadId]/route";
import type { CrmType } from "@/lib/crm/types";
import { callRoute } from "@/tests/support/api-client";
import { connectCrm } from "@/tests/support/connect";
import { createTenant, startHarness, waitFor, type Harness } from "@/tests/support/harness";

// The main job, end to end: a lead accepted by the API appears in the CRM sandbox with the
// mapped fields, updates follow it, and an assessment becomes an activity.

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.stop());

async function records(baseUrl: string, type: string): Promise<Record<string, unknown>[]> {
  const response = await fetch(`${baseUrl}/__sandbox/records/${type}`);
  return (await response.json()) as Record<string, unknown>[];
}

const LEAD = {
  name: "山田　太郎",
  email: "taro@example.jp",
  company: "山田製作所",
  phone: "03-1234-5678",
  score: 86,
  priority_level: "Hot",
  detected_challenges: ["営業の属人化", { area: "marketing", severity: "high" }],
};

const CASES: {
  crm: CrmType;
  recordsOf: () => Promise<Record<string, unknown>[]>;
  expected: Record<string, unknown>;
}[] = [
  {
    crm: "salesforce",
    recordsOf: () => records(harness.salesforce.instanceUrl, "Lead"),
    expected: {
      LastName: "山田",
      FirstName: "太郎",
      Email: "taro@example.jp",
      Company: "山田製作所",
      Phone: "03-1234-5678",
      LeadScore__c: 86,
      Priority__c: "Hot",
      DetectedChallenges__c: JSON.stringify(LEAD.detected_challenges),
    },
  },
  {
    crm: "hubspot",
    recordsOf: () => records(harness.hubspot.apiUrl, "contacts"),
    expected: {
      lastname: "山田",
      firstname: "太郎",
      email: "taro@example.jp",
      company: "山田製作所",
      phone: "03-1234-5678",
      hs_lead_score: "86",
      lead_priority: "Hot",
      detected_challenges: JSON.stringify(LEAD.detected_challenges),
    },
  },
];

function fieldsOf(record: Record<string, unknown>): Record<string, unknown> {
  const properties = record.properties;
  return properties && typeof properties === "object"
    ? (properties as Record<string, unknown>)
    : record;
}

describe.each(CASES)(
  "a lead created through the API reaches $crm",
  ({ crm, recordsOf, expected }) => {
    it("creates the CRM record with the mapped fields, then follows updates and assessments", async () => {
      const tenant = await createTenant(harness.db);
      await connectCrm(harness.db, tenant, crm);

      const created = await callRoute(createLeadRoute, {
        method: "POST",
        path: `/api/v1/tenants/${tenant.tenantId}/leads`,
        params: { tenantId: tenant.tenantId },
        apiKey: tenant.apiKey,
        body: LEAD,
      });
      expect(created.status).toBe(201);
      const leadId = (created.body as { id: string }).id;

      const record = await waitFor(async () =>
        (await recordsOf()).find(
          (r) => fieldsOf(r).email === LEAD.email || fieldsOf(r).Email === LEAD.email,
        ),
      );
      expect(fieldsOf(record)).toMatchObject(expected);
      const lead = await waitFor(async () => {
        const row = await harness.db.lead.findUniqueOrThrow({ where: { id: leadId } });
        return row.crmSyncStatus === "synced" ? row : undefined;
      });
      expect(lead.crmExternalId).toBe(String(record.id ?? record.Id));
      const log = await harness.db.crmSyncLog.findFirstOrThrow({
        where: { leadId, status: "success" },
      });
      expect(log).toMatchObject({
        syncType: "create",
        direction: "to_crm",
        crmRecordId: lead.crmExternalId,
      });

      const updated = await callRoute(updateLeadRoute, {
        method: "PATCH",
        path: `/api/v1/tenants/${tenant.tenantId}/leads/${leadId}`,
        params: { tenantId: tenant.tenantId, leadId },
        apiKey: tenant.apiKey,
        body: { score: 91, priority_level: "Warm" },
      });
      expect(updated.status).toBe(200);
      await waitFor(async () => {
        const again = (await recordsOf()).filter(
          (r) => String(r.id ?? r.Id) === lead.crmExternalId,
        );
        const fields = again[0] ? fieldsOf(again[0]) : {};
        return String(fields.LeadScore__c ?? fields.hs_lead_score) === "91" ? true : undefined;
      });
      expect((await recordsOf()).length).toBe(1);

      const assessment = await callRoute(assessmentRoute, {
        method: "POST",
        path: `/api/v1/tenants/${tenant.tenantId}/leads/${leadId}/assessment-responses`,
        params: { tenantId: tenant.tenantId, leadId },
        apiKey: tenant.apiKey,
        body: {
          assessment_name: "DX成熟度診断",
          answers: [{ question: "課題は？", answer: "人手不足" }],
          score: 72,
        },
      });
      expect(assessment.status).toBe(201);
      const activityType = crm === "salesforce" ? "Task" : "notes";
      const activity = await waitFor(
        async () =>
          (
            await records(
              crm === "salesforce" ? harness.salesforce.instanceUrl : harness.hubspot.apiUrl,
              activityType,
            )
          )[0],
      );
      const text = JSON.stringify(activity);
      expect(text).toContain("DX成熟度診断");
      expect(text).toContain("人手不足");
    });
  },
);
