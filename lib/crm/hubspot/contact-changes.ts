import type { Client } from "@hubspot/api-client";
import type { FilterOperatorEnum } from "@hubspot/api-client/lib/codegen/crm/contacts";

import { HUBSPOT_LEAD_ID_PROPERTY } from "@/lib/config/crm-limits";
import type { CrmLeadChange } from "@/lib/crm/types";

// Polling: search contacts modified after a time, oldest first. Search allows 200 a page and
// 10,000 results a query (CRM-FACTS), so a longer backlog is read across several polls.

type Run = <T>(call: (client: Client) => Promise<T>, kind?: "request" | "search") => Promise<T>;

const PAGE_SIZE = 200;
const SEARCH_RESULT_CAP = 10_000;
const GT = "GT" as unknown as FilterOperatorEnum;
const PROPERTIES = [
  "hs_lead_status",
  "hubspot_owner_id",
  "lastmodifieddate",
  HUBSPOT_LEAD_ID_PROPERTY,
];

function toChange(result: { id: string; properties: Record<string, string | null> }) {
  const modified = result.properties.lastmodifieddate;
  if (!modified) return null;
  const change: CrmLeadChange = {
    crmId: result.id,
    leadId: result.properties[HUBSPOT_LEAD_ID_PROPERTY] ?? null,
    status: result.properties.hs_lead_status ?? null,
    ownerId: result.properties.hubspot_owner_id ?? null,
    changedAt: new Date(modified),
  };
  return change;
}

export async function listHubSpotContactChanges(run: Run, since: Date, limit: number) {
  const changes: CrmLeadChange[] = [];
  let after: string | undefined;
  const max = Math.min(limit, SEARCH_RESULT_CAP);
  do {
    const page = await run(
      (client) =>
        client.crm.contacts.searchApi.doSearch({
          filterGroups: [
            {
              filters: [
                { propertyName: "lastmodifieddate", operator: GT, value: String(since.getTime()) },
              ],
            },
          ],
          // The library types sorts as strings; the API takes the object form.
          sorts: [
            { propertyName: "lastmodifieddate", direction: "ASCENDING" } as unknown as string,
          ],
          properties: PROPERTIES,
          limit: PAGE_SIZE,
          ...(after ? { after } : {}),
        }),
      "search",
    );
    changes.push(...page.results.flatMap((result) => toChange(result) ?? []));
    after = page.paging?.next?.after;
  } while (after && changes.length < max);
  return changes.slice(0, max);
}
