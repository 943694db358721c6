import type { FieldMapping } from "@/lib/mapping/field-mappings";
import type { CrmFieldView } from "@/lib/ui/field-mapping-api";
import { DIAGNO_FIELD_LABELS } from "@/lib/ui/field-mapping-labels";

interface MappingWarningsProps {
  missingRequired: CrmFieldView[];
  orphans: FieldMapping[];
  onRemoveOrphan: (crmField: string) => void;
}

/** Problems the CRM would reject at sync time, shown before the admin saves. */
export function MappingWarnings({
  missingRequired,
  orphans,
  onRemoveOrphan,
}: MappingWarningsProps) {
  if (missingRequired.length === 0 && orphans.length === 0) return null;

  return (
    <div className="banner banner--warning" data-testid="mapping-warnings">
      {missingRequired.length > 0 ? (
        <p className="mapping-warning">
          <strong>Required CRM fields without a mapping:</strong>{" "}
          {missingRequired.map((field, index) => (
            <span key={field.name}>
              {index > 0 ? ", " : ""}
              {field.label} (<code>{field.name}</code>)
            </span>
          ))}
          . The CRM rejects leads until they are mapped.
        </p>
      ) : null}
      {orphans.length > 0 ? (
        <div className="mapping-warning">
          <strong>Mapped to fields the CRM no longer lists as writable:</strong>
          <ul className="checklist">
            {orphans.map((mapping) => (
              <li key={mapping.crmField}>
                {DIAGNO_FIELD_LABELS[mapping.diagnoField]} → <code>{mapping.crmField}</code>{" "}
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => onRemoveOrphan(mapping.crmField)}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
