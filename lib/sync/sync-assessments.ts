import type { AssessmentActivity } from "@/lib/crm/types";
import type { AssessmentResponse, SyncOutbox } from "@/lib/db/generated/client";
import { completeOutboxEntries } from "@/lib/sync/outbox";
import { retriesOf, writeSyncLog, type SyncContext } from "@/lib/sync/sync-context";
import { handleCallFailure, retryOrFail } from "@/lib/sync/sync-failures";

// A completed assessment becomes an activity on the CRM lead: a Salesforce Task or a
// HubSpot Note ("assessment completed").

function toActivity(response: AssessmentResponse): AssessmentActivity {
  const answers = Array.isArray(response.answers) ? response.answers : [];
  const lines = answers.map((item) => {
    const record = (item ?? {}) as { question?: unknown; answer?: unknown };
    return `Q: ${String(record.question ?? "")}\nA: ${String(record.answer ?? "")}`;
  });
  const score = response.score === null ? "" : ` (score ${response.score})`;
  return {
    responseId: response.id,
    title: `Assessment completed: ${response.assessmentName}${score}`,
    body: lines.join("\n\n"),
    completedAt: response.completedAt,
  };
}

async function syncOne(context: SyncContext, entry: SyncOutbox) {
  const response = await context.db.assessmentResponse.findFirst({
    where: { id: entry.assessmentResponseId ?? "", tenantId: context.tenantId },
    include: { lead: true },
  });
  if (!response || response.crmActivityId || response.lead.deletedAt) {
    await context.db.$transaction((tx) => completeOutboxEntries(tx, [entry.id]));
    return;
  }
  const crmLeadId = response.lead.crmExternalId;
  if (!crmLeadId) {
    // The lead itself has not reached the CRM yet; its own entry is ahead of this one.
    const waiting = { code: "LEAD_NOT_IN_CRM", message: "The lead has not reached the CRM yet" };
    await retryOrFail(context, [entry], "create", [waiting]);
    return;
  }
  let activityId: string;
  try {
    activityId = await context.client.createAssessmentActivity(crmLeadId, toActivity(response));
  } catch (error) {
    await handleCallFailure(context, [entry], "create", error, context.log);
    return;
  }
  await context.db.$transaction(async (tx) => {
    await tx.assessmentResponse.update({
      where: { id: response.id },
      data: { crmActivityId: activityId },
    });
    await writeSyncLog(tx, context, {
      leadId: response.leadId,
      syncType: "create",
      status: "success",
      crmRecordId: activityId,
      fieldsSynced: [context.crmType === "salesforce" ? "Task" : "Note"],
      retryCount: retriesOf([entry]),
    });
    await completeOutboxEntries(tx, [entry.id]);
  });
}

export async function syncAssessmentActivities(context: SyncContext, entries: SyncOutbox[]) {
  for (const entry of entries) await syncOne(context, entry);
}
