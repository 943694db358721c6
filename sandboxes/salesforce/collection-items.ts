import type { ApiContext } from "./api-guard";
import type { SfError } from "./errors";
import { createRecord, findRecord, updateRecord, upsertByExternalId } from "./records";
import { takeRecordFault } from "./record-faults";

export type CollectionError = { statusCode: string; message: string; fields: string[] };
export type ItemResult = {
  id?: string;
  success: boolean;
  errors: CollectionError[];
  created?: boolean;
};

// Collections report failures with statusCode, unlike the single-record errorCode arrays.
function toCollectionErrors(errors: SfError[]): CollectionError[] {
  return errors.map((e) => ({ statusCode: e.errorCode, message: e.message, fields: e.fields }));
}

function typeOf(record: Record<string, unknown>): string | null {
  const attributes = record.attributes;
  if (!attributes || typeof attributes !== "object") return null;
  const type = (attributes as Record<string, unknown>).type;
  return typeof type === "string" ? type : null;
}

function missingType(): ItemResult {
  return {
    success: false,
    errors: [
      { statusCode: "INVALID_TYPE", message: "Must specify a type in attributes", fields: [] },
    ],
  };
}

export function createItem(ctx: ApiContext, record: Record<string, unknown>): ItemResult {
  const type = typeOf(record);
  if (!type) return missingType();
  const { attributes: _a, ...fields } = record;
  const fault = takeRecordFault(ctx, type, fields);
  if (fault) return { success: false, errors: toCollectionErrors([fault]) };
  const result = createRecord(ctx.store, ctx.org.id, type, fields);
  return result.ok
    ? { id: result.id, success: true, errors: [] }
    : { success: false, errors: toCollectionErrors(result.errors) };
}

export function updateItem(ctx: ApiContext, record: Record<string, unknown>): ItemResult {
  const type = typeOf(record);
  if (!type) return missingType();
  // Field names are case-insensitive: jsforce sends the key as "id".
  const idKey = Object.keys(record).find((k) => k.toLowerCase() === "id") ?? "Id";
  const { attributes: _a, [idKey]: id, ...fields } = record;
  if (typeof id !== "string") {
    return {
      success: false,
      errors: [
        {
          statusCode: "MISSING_ARGUMENT",
          message: "Id not specified in an update call",
          fields: [],
        },
      ],
    };
  }
  if (!findRecord(ctx.store, ctx.org.id, type, id)) {
    return {
      id,
      success: false,
      errors: [
        {
          statusCode: "INVALID_CROSS_REFERENCE_KEY",
          message: "invalid cross reference id",
          fields: [],
        },
      ],
    };
  }
  const fault = takeRecordFault(ctx, type, fields, id);
  if (fault) return { id, success: false, errors: toCollectionErrors([fault]) };
  const result = updateRecord(ctx.store, ctx.org.id, type, id, fields);
  return result.ok
    ? { id, success: true, errors: [] }
    : { id, success: false, errors: toCollectionErrors(result.errors) };
}

export function upsertItem(ctx: ApiContext, record: Record<string, unknown>): ItemResult {
  const sobject = ctx.params.sobject ?? "";
  const field = ctx.params.field ?? "";
  const { attributes: _a, ...fields } = record;
  const value = fields[field];
  if (typeof value !== "string" || value === "") {
    return {
      success: false,
      errors: [
        { statusCode: "MISSING_ARGUMENT", message: `${field} not specified`, fields: [field] },
      ],
    };
  }
  const fault = takeRecordFault(ctx, sobject, fields);
  if (fault) return { success: false, errors: toCollectionErrors([fault]) };
  const result = upsertByExternalId(ctx.store, ctx.org.id, sobject, field, value, fields);
  if (result.kind === "multiple") {
    return {
      success: false,
      errors: [
        {
          statusCode: "DUPLICATE_EXTERNAL_ID",
          message:
            `${field}: more than one record found for external id field: ` +
            `[${result.ids.join(", ")}]`,
          fields: [field],
        },
      ],
    };
  }
  if (result.kind === "invalid")
    return { success: false, errors: toCollectionErrors(result.errors) };
  return { id: result.id, success: true, errors: [], created: result.kind === "created" };
}
