import type { Connection } from "jsforce";
import { z } from "zod";

import { SALESFORCE_API_VERSION, SALESFORCE_TASK_EXTERNAL_ID_FIELD } from "@/lib/config/crm-limits";
import { isCrmError } from "@/lib/crm/errors";
import type { AssessmentActivity } from "@/lib/crm/types";
import { logger } from "@/lib/logging/logger";

// A completed assessment as a Task on the lead, upserted on the response id so that a retry
// after a lost answer finds the Task it already made. Orgs that have not added the external-id
// field yet (the setup checklist asks for it) get a plain create.

type Run = <T>(call: (connection: Connection) => Promise<T>) => Promise<T>;

const resultSchema = z.object({ id: z.string().optional() });
const recordSchema = z.object({ Id: z.string() });

function taskFields(crmId: string, activity: AssessmentActivity) {
  return {
    Subject: activity.title.slice(0, 255),
    Description: activity.body,
    WhoId: crmId,
    Status: "Completed",
    ActivityDate: activity.completedAt.toISOString().slice(0, 10),
  };
}

export async function upsertAssessmentTask(run: Run, crmId: string, activity: AssessmentActivity) {
  const url =
    `/services/data/v${SALESFORCE_API_VERSION}/sobjects/Task/` +
    `${SALESFORCE_TASK_EXTERNAL_ID_FIELD}/${encodeURIComponent(activity.responseId)}`;
  try {
    const answer = await run((connection) =>
      connection.request({
        method: "PATCH",
        url,
        body: JSON.stringify(taskFields(crmId, activity)),
        headers: { "content-type": "application/json" },
      }),
    );
    const result = resultSchema.parse(answer ?? {});
    if (result.id) return result.id;
    // An update may answer 204 with no body: read the id back by the external id.
    const record = await run((connection) => connection.request({ method: "GET", url }));
    return recordSchema.parse(record).Id;
  } catch (error) {
    if (!isCrmError(error, "not_found")) throw error;
    logger.warn({
      event: "crm.task_external_id_missing",
      field: SALESFORCE_TASK_EXTERNAL_ID_FIELD,
    });
    const created = await run((connection) =>
      connection.sobject("Task").create(taskFields(crmId, activity)),
    );
    return z.object({ id: z.string() }).parse(created).id;
  }
}
