"use client";

import { useDroppable } from "@dnd-kit/core";
import { useId } from "react";

import type { DiagnoField, FieldMapping, Transform } from "@/lib/mapping/field-mappings";
import type { CrmFieldView } from "@/lib/ui/field-mapping-api";
import {
  DIAGNO_FIELD_LABELS,
  DIAGNO_FIELD_ORDER,
  TRANSFORM_OPTIONS,
  isDiagnoField,
  parseTransform,
} from "@/lib/ui/field-mapping-labels";

export const DROP_PREFIX = "crm:";

interface CrmFieldRowProps {
  field: CrmFieldView;
  mapping: FieldMapping | undefined;
  errors: string[];
  onAssign: (diagnoField: DiagnoField) => void;
  onTransformChange: (transform: Transform | null) => void;
  onRemove: () => void;
}

/** One writable CRM field: a drop target, plus selects that do the same without a pointer. */
export function CrmFieldRow({
  field,
  mapping,
  errors,
  onAssign,
  onTransformChange,
  onRemove,
}: CrmFieldRowProps) {
  const titleId = useId();
  const errorId = useId();
  const { setNodeRef, isOver } = useDroppable({
    id: `${DROP_PREFIX}${field.name}`,
    data: { crmField: field.name, label: field.label },
  });
  const classes = [
    "mapping-row",
    isOver ? "mapping-row--over" : "",
    mapping ? "mapping-row--mapped" : "",
    errors.length > 0 ? "mapping-row--invalid" : "",
  ];

  return (
    <li
      ref={setNodeRef}
      className={classes.filter(Boolean).join(" ")}
      data-testid={`crm-field-${field.name}`}
      aria-labelledby={titleId}
    >
      <div className="mapping-row__crm">
        <span id={titleId} className="mapping-row__label">
          {field.label}
          {field.required ? (
            <span className="mapping-row__required" title="Required by the CRM">
              {" "}
              * <span className="mapping-sr-only">required</span>
            </span>
          ) : null}
        </span>
        <span className="mapping-row__meta">
          <code>{field.name}</code> · {field.type}
          {field.length ? `(${field.length})` : ""}
        </span>
      </div>

      <div className="mapping-row__controls">
        <select
          aria-label={`DiagnoLeads field for ${field.label}`}
          value={mapping?.diagnoField ?? ""}
          aria-describedby={errors.length > 0 ? errorId : undefined}
          onChange={(event) => {
            const value = event.target.value;
            if (isDiagnoField(value)) onAssign(value);
            else onRemove();
          }}
        >
          <option value="">{isOver ? "Drop to map" : "Not mapped"}</option>
          {DIAGNO_FIELD_ORDER.map((diagnoField) => (
            <option key={diagnoField} value={diagnoField}>
              {DIAGNO_FIELD_LABELS[diagnoField]}
            </option>
          ))}
        </select>
        {mapping ? (
          <>
            <select
              aria-label={`Transform for ${field.label}`}
              value={mapping.transform ?? ""}
              onChange={(event) => onTransformChange(parseTransform(event.target.value))}
            >
              {TRANSFORM_OPTIONS.map((option) => (
                <option key={option.label} value={option.value ?? ""}>
                  {option.label}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button button--secondary mapping-row__remove"
              aria-label={`Remove mapping for ${field.label}`}
              onClick={onRemove}
            >
              Remove
            </button>
          </>
        ) : null}
      </div>

      {errors.length > 0 ? (
        <ul id={errorId} className="mapping-row__errors field__error" role="alert">
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
