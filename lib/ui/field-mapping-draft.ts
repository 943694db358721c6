import type { DiagnoField, FieldMapping, Transform } from "@/lib/mapping/field-mappings";
import type { CrmFieldView, ValidationIssue } from "@/lib/ui/field-mapping-api";
import { suggestTransform } from "@/lib/ui/field-mapping-labels";

// Pure edits of the unsaved mapping list. Each CRM field appears at most once (the API's rule);
// one DiagnoLeads field may feed several CRM fields (Name feeds first and last name).

export function findMapping(draft: FieldMapping[], crmField: string): FieldMapping | undefined {
  return draft.find((mapping) => mapping.crmField === crmField);
}

/** Maps `diagnoField` to `crmField`, replacing what was there, with the suggested transform. */
export function assignMapping(
  draft: FieldMapping[],
  crmField: string,
  diagnoField: DiagnoField,
): FieldMapping[] {
  const current = findMapping(draft, crmField);
  if (current?.diagnoField === diagnoField) return draft;

  const next: FieldMapping = {
    diagnoField,
    crmField,
    transform: suggestTransform(diagnoField, crmField),
  };
  if (!current) return [...draft, next];
  return draft.map((mapping) => (mapping.crmField === crmField ? next : mapping));
}

export function setTransform(
  draft: FieldMapping[],
  crmField: string,
  transform: Transform | null,
): FieldMapping[] {
  return draft.map((mapping) =>
    mapping.crmField === crmField ? { ...mapping, transform } : mapping,
  );
}

export function removeMapping(draft: FieldMapping[], crmField: string): FieldMapping[] {
  return draft.filter((mapping) => mapping.crmField !== crmField);
}

function canonical(mappings: FieldMapping[]): string {
  const sorted = [...mappings].sort((a, b) => a.crmField.localeCompare(b.crmField));
  return JSON.stringify(sorted.map((m) => [m.crmField, m.diagnoField, m.transform]));
}

/** Order does not matter to the sync, so reordering alone is not an unsaved change. */
export function sameMappings(a: FieldMapping[], b: FieldMapping[]): boolean {
  return canonical(a) === canonical(b);
}

/** Required CRM fields nothing is mapped to (Salesforce refuses to create such a Lead). */
export function unmappedRequiredFields(
  draft: FieldMapping[],
  crmFields: CrmFieldView[],
): CrmFieldView[] {
  return crmFields.filter((field) => field.required && !findMapping(draft, field.name));
}

/** Mapped CRM fields the CRM no longer lists as writable (deleted or made read-only there). */
export function orphanMappings(draft: FieldMapping[], crmFields: CrmFieldView[]): FieldMapping[] {
  const known = new Set(crmFields.map((field) => field.name));
  return draft.filter((mapping) => !known.has(mapping.crmField));
}

export interface SaveIssues {
  /** Messages per CRM field name, for the rows they concern. */
  byCrmField: Record<string, string[]>;
  /** Messages about the list as a whole (for example a duplicate CRM field). */
  general: string[];
}

/** Attaches 422 details (paths like "mappings.3.hubspot_field") to the submitted rows. */
export function groupSaveIssues(submitted: FieldMapping[], issues: ValidationIssue[]): SaveIssues {
  const grouped: SaveIssues = { byCrmField: {}, general: [] };
  for (const issue of issues) {
    const match = /^mappings\.(\d+)(?:\.|$)/.exec(issue.path);
    const row = match ? submitted[Number(match[1])] : undefined;
    if (row) {
      (grouped.byCrmField[row.crmField] ??= []).push(issue.message);
    } else {
      grouped.general.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
    }
  }
  return grouped;
}
