import { sfError, type SfError } from "./errors";
import { findField, type SfFieldDef } from "./sobjects";

export type WriteMode = "create" | "update";

// Pragmatic form of Salesforce's email check: one @, no spaces, a dot in the domain.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type ValidationResult =
  { ok: true; values: Record<string, unknown> } | { ok: false; errors: SfError[] };

export function validateWrite(
  sobject: string,
  defs: SfFieldDef[],
  input: Record<string, unknown>,
  mode: WriteMode,
): ValidationResult {
  const errors: SfError[] = [];
  const values: Record<string, unknown> = {};

  for (const [name, value] of Object.entries(input)) {
    if (name === "attributes") continue;
    const def = findField(defs, name);
    if (!def) {
      errors.push(
        sfError("INVALID_FIELD", `No such column '${name}' on sobject of type ${sobject}`),
      );
      continue;
    }
    if (def.system) {
      errors.push(
        sfError(
          "INVALID_FIELD_FOR_INSERT_UPDATE",
          `Unable to create/update fields: ${def.name}. ` +
            "Please check the security settings of this" +
            " field and verify that it is read/write for your profile or permission set.",
          [def.name],
        ),
      );
      continue;
    }
    const error = validateValue(def, value);
    if (error) errors.push(error);
    else values[def.name] = value === "" ? null : value;
  }

  const missing = defs.filter((d) => d.required && isBlankAfterWrite(d, values, mode));
  if (missing.length > 0) {
    const names = missing.map((d) => d.name);
    errors.push(
      sfError(
        "REQUIRED_FIELD_MISSING",
        `Required fields are missing: [${names.join(", ")}]`,
        names,
      ),
    );
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, values };
}

function isBlankAfterWrite(def: SfFieldDef, values: Record<string, unknown>, mode: WriteMode) {
  if (mode === "update" && !(def.name in values)) return false;
  const value = values[def.name];
  return value === undefined || value === null || value === "";
}

function validateValue(def: SfFieldDef, value: unknown): SfError | null {
  if (value === null || value === "") return null;
  switch (def.type) {
    case "double":
      return typeof value === "number" && Number.isFinite(value)
        ? null
        : sfError(
            "JSON_PARSER_ERROR",
            `Cannot deserialize instance of double from VALUE_STRING value ${String(value)}`,
          );
    case "boolean":
      return typeof value === "boolean"
        ? null
        : sfError(
            "JSON_PARSER_ERROR",
            `Cannot deserialize instance of boolean from ${String(value)}`,
          );
    case "date":
      return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? null
        : sfError("JSON_PARSER_ERROR", `Cannot deserialize instance of date from ${String(value)}`);
    default:
      return validateText(def, value);
  }
}

function validateText(def: SfFieldDef, value: unknown): SfError | null {
  if (typeof value !== "string") {
    return sfError(
      "JSON_PARSER_ERROR",
      `Cannot deserialize instance of string from ${typeof value} value ${String(value)}`,
    );
  }
  // Salesforce counts characters, so a Japanese name of 40 characters fits a 40 length field.
  const length = [...value].length;
  if (def.length > 0 && length > def.length) {
    return sfError(
      "STRING_TOO_LONG",
      `${def.label}: data value too large: ${value.slice(0, 40)} (max length=${def.length})`,
      [def.name],
    );
  }
  if (def.type === "email" && !EMAIL_PATTERN.test(value)) {
    return sfError("INVALID_EMAIL_ADDRESS", `${def.label}: invalid email address: ${value}`, [
      def.name,
    ]);
  }
  if (def.restrictedPicklist && def.picklist && !def.picklist.includes(value)) {
    return sfError(
      "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
      `${def.label}: bad value for restricted picklist field: ${value}`,
      [def.name],
    );
  }
  return null;
}
