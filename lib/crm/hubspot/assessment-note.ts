import type { Client } from "@hubspot/api-client";
import type { AssociationSpecAssociationCategoryEnum } from "@hubspot/api-client/lib/codegen/crm/objects/notes";

import {
  HUBSPOT_NOTE_ID_PROPERTY,
  HUBSPOT_NOTE_TO_CONTACT_ASSOCIATION,
} from "@/lib/config/crm-limits";
import { CrmError, isCrmError } from "@/lib/crm/errors";
import type { AssessmentActivity } from "@/lib/crm/types";

// A completed assessment as a Note on the contact. Upserted on our response id (a unique note
// property created at connect), then associated (which is idempotent), so a retry after a lost
// answer finds the note it already made. Without the property: a plain create.

type Run = <T>(call: (client: Client) => Promise<T>) => Promise<T>;

// Only the enum's type is imported (its deep module path cannot stay external in Next).
const HUBSPOT_DEFINED = "HUBSPOT_DEFINED" as unknown as AssociationSpecAssociationCategoryEnum;

function noteProperties(activity: AssessmentActivity) {
  return {
    hs_note_body: `${activity.title}\n\n${activity.body}`,
    hs_timestamp: activity.completedAt.toISOString(),
  };
}

export async function hasNoteIdProperty(run: Run): Promise<boolean> {
  try {
    await run((client) =>
      client.crm.properties.coreApi.getByName("notes", HUBSPOT_NOTE_ID_PROPERTY),
    );
    return true;
  } catch (error) {
    if (isCrmError(error, "not_found")) return false;
    throw error;
  }
}

async function createNote(run: Run, crmId: string, activity: AssessmentActivity) {
  const note = await run((client) =>
    client.crm.objects.notes.basicApi.create({
      properties: noteProperties(activity),
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

/**
 * `hasIdProperty` answers whether the portal has the note id property; the client asks once
 * and reuses the answer for every activity it writes.
 */
export async function upsertAssessmentNote(
  run: Run,
  crmId: string,
  activity: AssessmentActivity,
  hasIdProperty: () => Promise<boolean>,
) {
  if (!(await hasIdProperty())) return createNote(run, crmId, activity);
  const outcome = await run((client) =>
    client.crm.objects.notes.batchApi.upsert({
      inputs: [
        {
          id: activity.responseId,
          idProperty: HUBSPOT_NOTE_ID_PROPERTY,
          properties: {
            ...noteProperties(activity),
            [HUBSPOT_NOTE_ID_PROPERTY]: activity.responseId,
          },
        },
      ],
    }),
  );
  const noteId = outcome.results[0]?.id;
  if (!noteId) throw new CrmError("invalid_data", "HubSpot returned no note for the upsert");
  await run((client) =>
    client.crm.associations.v4.basicApi.createDefault("notes", noteId, "contacts", crmId),
  );
  return noteId;
}
