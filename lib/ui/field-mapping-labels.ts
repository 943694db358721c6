import { DIAGNO_FIELDS, type DiagnoField, type Transform } from "@/lib/mapping/field-mappings";

// Human names for the editor.

export const DIAGNO_FIELD_LABELS: Record<DiagnoField, string> = {
  "lead.name": "Name",
  "lead.email": "Email",
  "lead.company": "Company",
  "lead.phone": "Phone",
  "lead.score": "Score",
  "lead.priority_level": "Priority (Hot/Warm/Cold)",
  "lead.detected_challenges": "Detected challenges",
  "lead.status": "Status",
  "lead.owner": "Owner",
  "lead.id": "DiagnoLeads lead ID",
};

/** The order of the chips and of the select options: most used first, the raw id last. */
export const DIAGNO_FIELD_ORDER = Object.keys(DIAGNO_FIELD_LABELS) as DiagnoField[];

export function isDiagnoField(value: unknown): value is DiagnoField {
  return typeof value === "string" && (DIAGNO_FIELDS as readonly string[]).includes(value);
}

export const TRANSFORM_OPTIONS: { value: Transform | null; label: string }[] = [
  { value: null, label: "None" },
  { value: "split_first_name", label: "First name from full name" },
  { value: "split_last_name", label: "Last name from full name" },
  { value: "json", label: "JSON text" },
];

export function parseTransform(value: string): Transform | null {
  return TRANSFORM_OPTIONS.find((option) => option.value === value)?.value ?? null;
}

/**
 * The transform a new mapping most likely needs: a full name going into a first or last name
 * field must be split, and the challenges list is an array that text fields hold as JSON.
 */
export function suggestTransform(diagnoField: DiagnoField, crmFieldName: string): Transform | null {
  if (diagnoField === "lead.detected_challenges") return "json";
  if (diagnoField !== "lead.name") return null;

  const name = crmFieldName.toLowerCase();
  if (name.includes("first")) return "split_first_name";
  if (name.includes("last")) return "split_last_name";
  return null;
}
