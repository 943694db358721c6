import { sfError, sfErrorResponse } from "./errors";
import { fieldsOf, findField, type SfFieldDef } from "./sobjects";
import type { SfRecord } from "./state-types";
import { INVALID_JSON, readJson } from "../shared/form";

export function recordUrl(version: string, sobject: string, id: string): string {
  return `/services/data/v${version}/sobjects/${sobject}/${id}`;
}

export function serializeRecord(
  record: SfRecord,
  version: string,
  leadStatuses: readonly string[],
  only?: string[],
): Record<string, unknown> {
  const defs = fieldsOf(record.sobject, leadStatuses) ?? [];
  const names = only ?? defs.map((d) => d.name);
  const out: Record<string, unknown> = {
    attributes: {
      type: record.sobject,
      url: recordUrl(version, record.sobject, String(record.fields.Id)),
    },
  };
  for (const name of names) {
    const def = findField(defs, name);
    if (def) out[def.name] = record.fields[def.name] ?? null;
  }
  return out;
}

// Returns the canonical field names, or the first unknown name.
export function resolveFieldList(
  defs: SfFieldDef[],
  list: string,
): { ok: true; names: string[] } | { ok: false; unknown: string } {
  const names: string[] = [];
  for (const raw of list
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const def = findField(defs, raw);
    if (!def) return { ok: false, unknown: raw };
    names.push(def.name);
  }
  return { ok: true, names };
}

export type JsonObjectResult =
  { ok: true; value: Record<string, unknown> } | { ok: false; response: Response };

export async function readJsonObject(request: Request): Promise<JsonObjectResult> {
  const body = await readJson(request);
  if (body === INVALID_JSON || body === undefined || typeof body !== "object" || body === null) {
    return {
      ok: false,
      response: sfErrorResponse(400, [
        sfError("JSON_PARSER_ERROR", "The request body is either invalid or incomplete"),
      ]),
    };
  }
  return { ok: true, value: body as Record<string, unknown> };
}
