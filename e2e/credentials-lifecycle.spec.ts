import { expect, test, type APIRequestContext } from "@playwright/test";

import { readFixture, signIn } from "./fixture";

// Credentials over months, in the browser: connect, the CRM revokes the refresh token
// (reconnect required, leads wait), reconnect (the waiting lead goes), disconnect.

const fixture = readFixture();

const CRMS = [
  {
    crm: "salesforce" as const,
    label: "Salesforce",
    approveButton: "Allow",
    adminUrl: fixture.salesforce.instanceUrl,
    recordsUrl: `${fixture.salesforce.instanceUrl}/__sandbox/records/Lead`,
  },
  {
    crm: "hubspot" as const,
    label: "HubSpot",
    approveButton: "Connect app",
    adminUrl: fixture.hubspot.apiUrl,
    recordsUrl: `${fixture.hubspot.apiUrl}/__sandbox/records/contacts`,
  },
];

async function setFaults(request: APIRequestContext, adminUrl: string, faults: object | null) {
  const response = faults
    ? await request.post(`${adminUrl}/__sandbox/faults`, { data: faults })
    : await request.delete(`${adminUrl}/__sandbox/faults`);
  expect(response.ok()).toBe(true);
}

for (const target of CRMS) {
  test(`${target.crm}: connect, reconnect required, reconnect, disconnect`, async ({
    page,
    request,
  }) => {
    const tenant = fixture.tenants[`lifecycle-${target.crm}`];
    const status = page.getByTestId(`integration-status-${target.crm}`);
    await signIn(page, tenant.email, tenant.password);

    await page.goto("/integrations");
    await page.getByRole("button", { name: `Connect ${target.label}` }).click();
    await page.getByRole("button", { name: target.approveButton }).click();
    await expect(status).toContainText("Connected");

    // The CRM forgets our session and refuses the refresh token (revoked by an admin there).
    await setFaults(request, target.adminUrl, {
      expireAllSessions: true,
      failNextRefresh: "invalid_grant",
    });
    const email = `lifecycle-${target.crm}@example.jp`;
    const created = await request.post(`/api/v1/tenants/${tenant.tenantId}/leads`, {
      headers: { authorization: `Bearer ${tenant.apiKey}` },
      data: { name: "伊藤 さくら", email, company: "伊藤商店", score: 55, priority_level: "Warm" },
    });
    expect(created.status()).toBe(201);
    await expect(async () => {
      await page.reload();
      await expect(status).toHaveText("Reconnect required", { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await setFaults(request, target.adminUrl, null);

    await page.goto("/leads");
    const row = page.getByTestId("lead-row").filter({ hasText: email });
    await expect(row.getByTestId("sync-state")).toHaveText("waiting");

    await page.goto("/integrations");
    await page.getByRole("button", { name: `Reconnect ${target.label}` }).click();
    await page.getByRole("button", { name: target.approveButton }).click();
    await expect(status).toContainText("Connected");
    await expect
      .poll(async () => JSON.stringify(await (await request.get(target.recordsUrl)).json()), {
        timeout: 10_000,
      })
      .toContain(email);

    await page.getByRole("button", { name: `Disconnect ${target.label}` }).click();
    await page.getByRole("button", { name: "Confirm disconnect" }).click();
    await expect(status).toHaveText("Disconnected");
    await expect(page.getByRole("button", { name: `Connect ${target.label}` })).toBeEnabled();
  });
}
