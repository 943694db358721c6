"use client";

import { useDraggable } from "@dnd-kit/core";

import type { DiagnoField } from "@/lib/mapping/field-mappings";
import { DIAGNO_FIELD_LABELS } from "@/lib/ui/field-mapping-labels";

export const DRAG_PREFIX = "diagno:";

interface DiagnoFieldChipProps {
  field: DiagnoField;
  /** How many CRM fields this field currently feeds. */
  mappedCount: number;
}

/** A DiagnoLeads field to drag onto a CRM field (pointer, or Space then arrow keys). */
export function DiagnoFieldChip({ field, mappedCount }: DiagnoFieldChipProps) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: `${DRAG_PREFIX}${field}`,
    data: { diagnoField: field },
  });

  return (
    <li>
      <button
        ref={setNodeRef}
        type="button"
        className={`mapping-chip${isDragging ? " mapping-chip--dragging" : ""}`}
        data-testid={`diagno-field-${field}`}
        {...attributes}
        {...listeners}
      >
        <span>{DIAGNO_FIELD_LABELS[field]}</span>
        {mappedCount > 0 ? (
          <>
            <span className="mapping-chip__count" aria-hidden="true">
              {mappedCount}
            </span>
            <span className="mapping-sr-only">
              {` (mapped to ${mappedCount} CRM field${mappedCount === 1 ? "" : "s"})`}
            </span>
          </>
        ) : null}
      </button>
    </li>
  );
}

/** What follows the pointer while dragging; the chip itself stays in the list. */
export function DiagnoFieldChipPreview({ field }: { field: DiagnoField }) {
  return <span className="mapping-chip mapping-chip--overlay">{DIAGNO_FIELD_LABELS[field]}</span>;
}
