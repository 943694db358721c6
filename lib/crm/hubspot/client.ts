import { Client } from "@hubspot/api-client";
import type { AssociationSpecAssociationCategoryEnum } from "@hubspot/api-client/lib/codegen/crm/objects/notes";

import { HUBSPOT_BATCH_MAX, HUBSPOT_NOTE_TO_CONTACT_ASSOCIATION } from "@/lib/config/crm-limits";
import { getEnv } from "@/lib/config/env";
import { isCrmError } from "@/lib/crm/errors";
import { classifyHubSpotError, isHubSpotSessionExpired } from "@/lib/crm/hubspot/errors";
import { listHubSpotContactChanges } from "@/lib/crm/hubspot/contact-changes";
import { hubSpotHttpAgent } from "@/lib/crm/hubspot/http-agent";
import { withHubSpotBudget } from "@/lib/crm/hubspot/rate-budget";
import { upsertContacts } from "@/lib/crm/hubspot/upsert-contacts";
import { callWithSession, type CrmSession } from "@/lib/crm/session";
import type {
  AssessmentActivity,
  CrmClient,
  CrmFieldInfo,
  CrmLeadChange,
  CrmLeadSnapshot,
  CrmLeadWrite,
  CrmWriteResult,
} from "@/lib/crm/types";

// The library's enums live in deep paths that Next cannot keep external at run time; the
// values are the API's own strings, so only their types are imported.
const HUBSPOT_DEFINED = "HUBSPOT_DEFINED" as unknown as AssociationSpecAssociationCategoryEnum;

const SNAPSHOT_PROPERTIES = ["hs_lead_status", "hubspot_owner_id", "lastmodifieddate"];

export class HubSpotClient implements CrmClient {
  readonly crmType = "hubspot" as const;
  readonly maxBatchSize = HUBSPOT_BATCH_MAX;

  /** `portalId`: the HubSpot account, whose request budget all its tenants share. */
  constructor(
    private readonly session: CrmSession,
    private readonly portalId: string,
  ) {}

  /** Runs one HubSpot call within the portal's budget with a current token; errors classified. */
  readonly run = async <T>(
    call: (client: Client) => Promise<T>,
    kind: "request" | "search" = "request",
  ): Promise<T> => {
    try {
      return await callWithSession(this.session, isHubSpotSessionExpired, (accessToken) =>
        withHubSpotBudget(this.portalId, kind, () =>
          call(
            new Client({
              accessToken,
              basePath: getEnv().HUBSPOT_API_URL,
              httpAgent: hubSpotHttpAgent(),
            }),
          ),
        ),
      );
    } catch (error) {
      throw classifyHubSpotError(error);
    }
  };

  upsertLeads(leads: CrmLeadWrite[]): Promise<CrmWriteResult[]> {
    return upsertContacts(this.run, leads);
  }

  async getLead(crmId: string): Promise<CrmLeadSnapshot | null> {
    try {
      const contact = await this.run((client) =>
        client.crm.contacts.basicApi.getById(crmId, SNAPSHOT_PROPERTIES),
      );
      const properties = contact.properties;
      return {
        crmId: contact.id,
        status: properties.hs_lead_status ?? null,
        ownerId: properties.hubspot_owner_id ?? null,
        modifiedAt: properties.lastmodifieddate ?? null,
        fields: properties,
      };
    } catch (error) {
      if (isCrmError(error, "not_found")) return null;
      throw error;
    }
  }

  async deleteLead(crmId: string): Promise<void> {
    try {
      await this.run((client) => client.crm.contacts.basicApi.archive(crmId));
    } catch (error) {
      if (!isCrmError(error, "not_found")) throw error;
    }
  }

  async createAssessmentActivity(crmId: string, activity: AssessmentActivity): Promise<string> {
    const note = await this.run((client) =>
      client.crm.objects.notes.basicApi.create({
        properties: {
          hs_note_body: `${activity.title}\n\n${activity.body}`,
          hs_timestamp: activity.completedAt.toISOString(),
        },
        associations: [
          {
            to: { id: crmId },
            types: [
              {
                associationCategory: HUBSPOT_DEFINED,
                associationTypeId: HUBSPOT_NOTE_TO_CONTACT_ASSOCIATION,
              },
            ],
          },
        ],
      }),
    );
    return note.id;
  }

  listLeadChangesSince(since: Date, limit: number): Promise<CrmLeadChange[]> {
    return listHubSpotContactChanges(this.run, since, limit);
  }

  async listLeadFields(): Promise<CrmFieldInfo[]> {
    const response = await this.run((client) => client.crm.properties.coreApi.getAll("contacts"));
    return response.results.map((property) => ({
      name: property.name,
      label: property.label,
      type: property.type,
      length: null,
      required: false,
      writable: property.modificationMetadata?.readOnlyValue !== true,
      options: property.options.map((option) => ({ value: option.value, label: option.label })),
    }));
  }
}
