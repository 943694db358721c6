import type { ApiContext } from "./api-guard";
import { sfError, type SfError } from "./errors";
import { recordUrl } from "./serialize";
import { liveRecords } from "./store";

type MatchRecord = {
  additionalInformation: unknown[];
  fieldDiffs: unknown[];
  matchConfidence: number;
  record: { attributes: { type: string; url: string }; Id: string };
};

export type DuplicateResult = {
  allowSave: boolean;
  duplicateRule: string;
  duplicateRuleEntityType: string;
  errorMessage: string;
  matchResults: {
    entityType: string;
    errors: unknown[];
    matchEngine: string;
    matchRecords: MatchRecord[];
    rule: string;
    size: number;
    success: boolean;
  }[];
};

export type RecordFaultError = SfError & { duplicateResult?: DuplicateResult };

const DUPLICATE_ALERT = "Use one of these records?";

// Org-side failures that no input check can predict: another transaction holds the row lock,
// or an org duplicate rule blocks the save. Both arrive after the request itself was valid, so
// they are injected per record (faults.recordErrors) and counted down one write at a time.
export function takeRecordFault(
  ctx: ApiContext,
  sobject: string,
  input: Record<string, unknown>,
  id?: string,
): RecordFaultError | null {
  const fault = ctx.store.state.faults.recordErrors;
  if (!fault || sobject.toLowerCase() !== "lead") return null;
  fault.count -= 1;
  if (fault.count <= 0) delete ctx.store.state.faults.recordErrors;

  if (fault.code === "UNABLE_TO_LOCK_ROW") {
    const suffix = id ? ` or 1 records: ${id}` : "";
    return sfError(
      "UNABLE_TO_LOCK_ROW",
      `unable to obtain exclusive access to this record${suffix}`,
    );
  }
  return {
    ...sfError("DUPLICATES_DETECTED", DUPLICATE_ALERT),
    duplicateResult: duplicateResultFor(ctx, sobject, input, id),
  };
}

// The standard lead rule matches on email; the records it lists are the org's own leads.
function duplicateResultFor(
  ctx: ApiContext,
  sobject: string,
  input: Record<string, unknown>,
  selfId?: string,
): DuplicateResult {
  const email = typeof input.Email === "string" ? input.Email.toLowerCase() : null;
  const matches = liveRecords(ctx.store, ctx.org.id, sobject).filter(
    (r) =>
      r.fields.Id !== selfId &&
      email !== null &&
      String(r.fields.Email ?? "").toLowerCase() === email,
  );
  const matchRecords = matches.map((r) => ({
    additionalInformation: [],
    fieldDiffs: [],
    matchConfidence: 100,
    record: {
      attributes: { type: sobject, url: recordUrl(ctx.version, sobject, String(r.fields.Id)) },
      Id: String(r.fields.Id),
    },
  }));
  return {
    allowSave: false,
    duplicateRule: `Standard_${sobject}_Duplicate_Rule`,
    duplicateRuleEntityType: sobject,
    errorMessage: DUPLICATE_ALERT,
    matchResults: [
      {
        entityType: sobject,
        errors: [],
        matchEngine: "FuzzyMatchEngine",
        matchRecords,
        rule: `Standard_Rule_for_${sobject}s_with_Duplicate_${sobject}s`,
        size: matchRecords.length,
        success: true,
      },
    ],
  };
}
