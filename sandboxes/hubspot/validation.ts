import { propertyProblem, type PropertyProblem } from "./errors";
import type { HsProperty } from "./properties";

export type PropertyCheck =
  { ok: true; values: Record<string, string | null> } | { ok: false; problems: PropertyProblem[] };

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateProperties(
  defs: HsProperty[],
  input: Record<string, unknown>,
): PropertyCheck {
  const problems: PropertyProblem[] = [];
  const values: Record<string, string | null> = {};
  for (const [name, raw] of Object.entries(input)) {
    const def = defs.find((d) => d.name === name);
    if (!def) {
      problems.push(
        propertyProblem(name, "PROPERTY_DOESNT_EXIST", `Property "${name}" does not exist`),
      );
      continue;
    }
    if (def.modificationMetadata.readOnlyValue) {
      problems.push(
        propertyProblem(
          name,
          "READ_ONLY_VALUE",
          `${name} is a read only property; its value cannot be set.`,
        ),
      );
      continue;
    }
    const value = raw === null || raw === "" ? null : String(raw);
    const problem = value === null ? null : checkValue(def, value);
    if (problem) problems.push(problem);
    else values[name] = name === "email" && value ? value.toLowerCase() : value;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values };
}

function checkValue(def: HsProperty, value: string): PropertyProblem | null {
  switch (def.type) {
    case "number":
      return Number.isFinite(Number(value))
        ? null
        : propertyProblem(def.name, "INVALID_DOUBLE", `${value} was not a valid number.`);
    case "bool":
      return value === "true" || value === "false"
        ? null
        : propertyProblem(def.name, "INVALID_BOOLEAN", `${value} was not a valid boolean.`);
    case "enumeration":
      return checkOption(def, value);
    case "date":
      return checkDate(def, value);
    case "datetime":
      return parseHsTime(value) !== null
        ? null
        : propertyProblem(def.name, "INVALID_DATETIME", `${value} is not a valid datetime.`);
    default:
      return def.name === "email" && !EMAIL_PATTERN.test(value)
        ? propertyProblem(def.name, "INVALID_EMAIL", `Email address ${value} is invalid`)
        : null;
  }
}

// Enumerations take option values; a label such as "New" is refused even though it is shown.
function checkOption(def: HsProperty, value: string): PropertyProblem | null {
  const allowed = def.options.map((o) => o.value);
  const chosen = def.fieldType === "checkbox" ? value.split(";") : [value];
  const bad = chosen.find((v) => !allowed.includes(v));
  return bad === undefined
    ? null
    : propertyProblem(
        def.name,
        "INVALID_OPTION",
        `${bad} was not one of the allowed options: [${allowed.join(", ")}]`,
      );
}

function checkDate(def: HsProperty, value: string): PropertyProblem | null {
  const ms = parseHsTime(value);
  if (ms === null)
    return propertyProblem(def.name, "INVALID_DATE", `${value} is not a valid date.`);
  const date = new Date(ms);
  const midnight =
    date.getUTCHours() === 0 &&
    date.getUTCMinutes() === 0 &&
    date.getUTCSeconds() === 0 &&
    date.getUTCMilliseconds() === 0;
  return midnight
    ? null
    : propertyProblem(
        def.name,
        "INVALID_DATE",
        `${value} is at ${date.getUTCHours()}:${date.getUTCMinutes()}:${date.getUTCSeconds()}.` +
          `${date.getUTCMilliseconds()} UTC, not midnight!`,
      );
}

// HubSpot accepts epoch milliseconds or ISO 8601 for dates and datetimes.
export function parseHsTime(value: string): number | null {
  if (/^\d+$/.test(value)) return Number(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return Date.parse(`${value}T00:00:00Z`);
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? null : parsed;
}
