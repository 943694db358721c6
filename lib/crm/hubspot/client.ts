import { Client } from "@hubspot/api-client";

import { HUBSPOT_BATCH_MAX } from "@/lib/config/crm-limits";
import { getEnv } from "@/lib/config/env";
import { isCrmError } from "@/lib/crm/errors";
import { classifyHubSpotError, isHubSpotSessionExpired } from "@/lib/crm/hubspot/errors";
import { hasNoteIdProperty, upsertAssessmentNote } from "@/lib/crm/hubspot/assessment-note";
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

  private noteIdProperty: Promise<boolean> | undefined;

  createAssessmentActivity(crmId: string, activity: AssessmentActivity): Promise<string> {
    return upsertAssessmentNote(this.run, crmId, activity, () => {
      this.noteIdProperty ??= hasNoteIdProperty(this.run).catch((error: unknown) => {
        this.noteIdProperty = undefined;
        throw error;
      });
      return this.noteIdProperty;
    });
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
