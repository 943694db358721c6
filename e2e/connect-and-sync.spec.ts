import { expect, test } from "@playwright/test";

import { readFixture, signIn } from "./fixture";

// The product's main job in a real browser: an admin connects the CRM through the sandbox's
// OAuth consent page, a lead arrives through the API, and seconds later it is in the CRM.

const fixture = readFixture();

const CRMS = [
  {
    crm: "salesforce" as const,
    connectButton: "Connect Salesforce",
    approveButton: "Allow",
    recordsUrl: `${fixture.salesforce.instanceUrl}/__sandbox/records/Lead`,
    fieldsOf: (record: Record<string, unknown>) => record,
    expected: {
      FirstName: "一郎",
      LastName: "鈴木",
      Email: "ichiro.suzuki@example.jp",
      Company: "鈴木工業株式会社",
      Phone: "06-1111-2222",
      LeadScore__c: 77,
      Priority__c: "Hot",
      DetectedChallenges__c: JSON.stringify(["人手不足", "Excel管理"]),
    },
  },
  {
    crm: "hubspot" as const,
    connectButton: "Connect HubSpot",
    approveButton: "Connect app",
    recordsUrl: `${fixture.hubspot.apiUrl}/__sandbox/records/contacts`,
    fieldsOf: (record: Record<string, unknown>) =>
      (record.properties ?? {}) as Record<string, unknown>,
    expected: {
      firstname: "一郎",
      lastname: "鈴木",
      email: "ichiro.suzuki@example.jp",
      company: "鈴木工業株式会社",
      phone: "06-1111-2222",
      hs_lead_score: "77",
      lead_priority: "Hot",
      detected_challenges: JSON.stringify(["人手不足", "Excel管理"]),
    },
  },
];

for (const target of CRMS) {
  test(`connect ${target.crm} by OAuth, then a new lead reaches it within 5 seconds`, async ({
    page,
    request,
  }) => {
    const tenant = fixture.tenants[`sync-${target.crm}`];
    await signIn(page, tenant.email, tenant.password);

    await page.goto("/integrations");
    await expect(page.getByTestId(`integration-status-${target.crm}`)).toContainText(
      "Not connected",
    );
    await page.getByRole("button", { name: target.connectButton }).click();
    await page.getByRole("button", { name: target.approveButton }).click();
    await expect(page).toHaveURL(/\/integrations\?.*connected=1/);
    await expect(page.getByTestId(`integration-status-${target.crm}`)).toContainText("Connected");

    const started = Date.now();
    const created = await request.post(`/api/v1/tenants/${tenant.tenantId}/leads`, {
      headers: { authorization: `Bearer ${tenant.apiKey}` },
      data: {
        name: "鈴木　一郎",
        email: "ichiro.suzuki@example.jp",
        company: "鈴木工業株式会社",
        phone: "06-1111-2222",
        score: 77,
        priority_level: "Hot",
        detected_challenges: ["人手不足", "Excel管理"],
      },
    });
    expect(created.status()).toBe(201);

    await expect
      .poll(
        async () => {
          const records = (await (await request.get(target.recordsUrl)).json()) as Record<
            string,
            unknown
          >[];
          return records
            .map(target.fieldsOf)
            .find((fields) => JSON.stringify(fields).includes("ichiro.suzuki@example.jp"));
        },
        { timeout: 5_000, intervals: [100] },
      )
      .toMatchObject(target.expected);
    expect(Date.now() - started).toBeLessThan(5_000);

    await page.goto("/leads");
    const row = page.getByTestId("lead-row").filter({ hasText: "ichiro.suzuki@example.jp" });
    await expect(row.getByTestId("sync-state")).toHaveText("synced");
  });
}
