import { readFileSync } from "node:fs";

import { expect, type Page } from "@playwright/test";

import { E2E_FIXTURE } from "../playwright.config";

// What scripts/e2e-server.ts prepared: tenants with admins and API keys, sandbox URLs.
export interface E2eFixture {
  tenants: Record<
    `${"sync" | "lifecycle" | "mapping"}-${"salesforce" | "hubspot"}`,
    { tenantId: string; apiKey: string; email: string; password: string }
  >;
  salesforce: { loginUrl: string; testLoginUrl: string; instanceUrl: string };
  hubspot: { appUrl: string; apiUrl: string };
}

export function readFixture(): E2eFixture {
  return JSON.parse(readFileSync(E2E_FIXTURE, "utf8")) as E2eFixture;
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/leads/);
}
