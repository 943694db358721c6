import { expect, test, type Locator, type Page } from "@playwright/test";

import { readFixture, signIn, type E2eFixture } from "./fixture";

// The field-mapping editor in a real browser: drag a DiagnoLeads field onto a HubSpot property
// with the mouse, pick a transform, save, and the next lead's value lands in that property.

// A tenant of its own: this spec changes its field mapping.
const TENANT_KEY: keyof E2eFixture["tenants"] = "mapping-hubspot";

const fixture = readFixture();
const tenant = fixture.tenants[TENANT_KEY];
const recordsUrl = `${fixture.hubspot.apiUrl}/__sandbox/records/contacts`;
const TARGET_FIELD = "detected_challenges";

/** A real pointer drag: dnd-kit starts only after the pointer has moved a few pixels. */
async function dragWithMouse(page: Page, source: Locator, target: Locator) {
  await target.scrollIntoViewIfNeeded();
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error("drag source or target is not visible");

  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 15 });
  await page.mouse.up();
}

test("hubspot: drag Phone onto another property, save, and the next lead uses it", async ({
  page,
  request,
}) => {
  await signIn(page, tenant.email, tenant.password);
  await page.goto("/integrations");
  await page.getByRole("button", { name: "Connect HubSpot" }).click();
  await page.getByRole("button", { name: "Connect app" }).click();
  await expect(page.getByTestId("integration-status-hubspot")).toContainText("Connected");

  // The custom properties are created by the setup check after connecting; wait for them.
  const row = page.getByTestId(`crm-field-${TARGET_FIELD}`);
  await expect(async () => {
    await page.goto("/field-mapping");
    await expect(row).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  const fieldSelect = row.getByRole("combobox", { name: /^DiagnoLeads field for/ });
  const transformSelect = row.getByRole("combobox", { name: /^Transform for/ });
  await expect(fieldSelect).toHaveValue("lead.detected_challenges");

  await dragWithMouse(page, page.getByTestId("diagno-field-lead.phone"), row);
  await expect(fieldSelect).toHaveValue("lead.phone");
  await expect(transformSelect).toHaveValue("");
  await expect(page.getByRole("status", { name: "Save status" })).toHaveText("Unsaved changes");

  await transformSelect.selectOption({ label: "JSON text" });
  await page.getByRole("button", { name: "Save mapping" }).click();
  await expect(page.getByRole("status", { name: "Save status" })).toHaveText("Saved");

  await page.reload();
  await expect(fieldSelect).toHaveValue("lead.phone");
  await expect(transformSelect).toHaveValue("json");

  const email = "mapping-hubspot@example.jp";
  const created = await request.post(`/api/v1/tenants/${tenant.tenantId}/leads`, {
    headers: { authorization: `Bearer ${tenant.apiKey}` },
    data: {
      name: "高橋 美咲",
      email,
      company: "高橋商事",
      phone: "03-1234-5678",
      score: 64,
      priority_level: "Warm",
      detected_challenges: ["属人化"],
    },
  });
  expect(created.status()).toBe(201);

  await expect
    .poll(
      async () => {
        const records = (await (await request.get(recordsUrl)).json()) as {
          properties?: Record<string, unknown>;
        }[];
        const contact = records.find((record) => record.properties?.email === email);
        return contact?.properties?.[TARGET_FIELD] ?? null;
      },
      { timeout: 15_000 },
    )
    .toBe(JSON.stringify("03-1234-5678"));
});
