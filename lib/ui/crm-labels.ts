import type { CrmType } from "@/lib/crm/types";

export const CRM_LABELS: Record<CrmType, string> = {
  salesforce: "Salesforce",
  hubspot: "HubSpot",
};

/** What the CRM calls the account an integration is bound to. */
export const CRM_ACCOUNT_NOUN: Record<CrmType, string> = {
  salesforce: "org",
  hubspot: "portal",
};

export function isCrmType(value: unknown): value is CrmType {
  return value === "salesforce" || value === "hubspot";
}
