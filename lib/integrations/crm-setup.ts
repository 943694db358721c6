import {
  HUBSPOT_LEAD_ID_PROPERTY,
  SALESFORCE_LEAD_EXTERNAL_ID_FIELD,
  SALESFORCE_TASK_EXTERNAL_ID_FIELD,
} from "@/lib/config/crm-limits";
import { CrmError } from "@/lib/crm/errors";
import { HubSpotClient } from "@/lib/crm/hubspot/client";
import { SalesforceClient } from "@/lib/crm/salesforce/client";
import type { CrmType } from "@/lib/crm/types";
import type { CrmIntegration, Prisma, PrismaClient } from "@/lib/db/generated/client";
import { createCrmClient } from "@/lib/integrations/crm-client-factory";
import {
  ensureHubSpotProperties,
  HUBSPOT_CUSTOM_PROPERTIES,
  HUBSPOT_NOTE_PROPERTIES,
} from "@/lib/integrations/hubspot-properties";
import { logger } from "@/lib/logging/logger";
import { defaultFieldMappings, effectiveFieldMappings } from "@/lib/mapping/field-mappings";

// After connect: read the CRM's lead fields, create what we may create (HubSpot properties)
// and record what the admin must still set up (Salesforce custom fields).

export interface CrmSetupReport {
  checkedAt: string;
  missingFields: string[];
  createdFields: string[];
  /** Maximum lengths of the CRM's text fields: mapped values are cut to fit. */
  fieldLengths: Record<string, number>;
  error?: string;
}

export async function prepareCrmAccount(db: PrismaClient, integration: CrmIntegration) {
  const crmType = integration.crmType as CrmType;
  const mappings = effectiveFieldMappings(crmType, integration.fieldMappings);
  const report: CrmSetupReport = {
    checkedAt: new Date().toISOString(),
    missingFields: [],
    createdFields: [],
    fieldLengths: {},
  };
  try {
    const client = createCrmClient(db, integration);
    const fields = await client.listLeadFields();
    let names = new Set(fields.map((field) => field.name));
    for (const field of fields) if (field.length) report.fieldLengths[field.name] = field.length;
    if (client instanceof HubSpotClient) {
      report.createdFields = await ensureHubSpotProperties(
        client,
        "contacts",
        HUBSPOT_CUSTOM_PROPERTIES,
        names,
      );
      names = new Set([...names, ...report.createdFields]);
      const notes = await client.run((api) => api.crm.properties.coreApi.getAll("notes"));
      const noteNames = new Set(notes.results.map((property) => property.name));
      const createdNotes = await ensureHubSpotProperties(
        client,
        "notes",
        HUBSPOT_NOTE_PROPERTIES,
        noteNames,
      );
      report.createdFields.push(...createdNotes.map((name) => `notes.${name}`));
    }
    if (client instanceof SalesforceClient) {
      const task = await client.run((connection) => connection.sobject("Task").describe());
      if (!task.fields.some((field) => field.name === SALESFORCE_TASK_EXTERNAL_ID_FIELD)) {
        report.missingFields.push(`Task.${SALESFORCE_TASK_EXTERNAL_ID_FIELD}`);
      }
    }
    // The idempotency key field is needed whatever the mapping says.
    const idField =
      crmType === "salesforce" ? SALESFORCE_LEAD_EXTERNAL_ID_FIELD : HUBSPOT_LEAD_ID_PROPERTY;
    const needed = new Set([...mappings.map((m) => m.crmField), idField]);
    report.missingFields.unshift(...[...needed].filter((name) => !names.has(name)));
  } catch (error) {
    report.error = error instanceof CrmError ? error.message : "CRM field check failed";
    logger.warn({ event: "integration.setup_failed", integrationId: integration.id, err: error });
  }
  const syncConfig = {
    ...((integration.syncConfig as Prisma.JsonObject | null) ?? {}),
    setup: { ...report },
  };
  await db.crmIntegration.update({
    where: { id: integration.id },
    data: {
      syncConfig: syncConfig as Prisma.InputJsonValue,
      ...(integration.fieldMappings ? {} : { fieldMappings: defaultFieldMappings(crmType) }),
    },
  });
  return report;
}
