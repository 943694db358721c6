"use client";

import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from "@dnd-kit/core";
import { useState } from "react";

import { CrmFieldRow } from "@/components/field-mapping/crm-field-row";
import {
  DiagnoFieldChip,
  DiagnoFieldChipPreview,
} from "@/components/field-mapping/diagno-field-chip";
import type { CrmType } from "@/lib/crm/types";
import type { DiagnoField, FieldMapping } from "@/lib/mapping/field-mappings";
import type { CrmFieldView } from "@/lib/ui/field-mapping-api";
import {
  assignMapping,
  findMapping,
  removeMapping,
  setTransform,
} from "@/lib/ui/field-mapping-draft";
import { jumpBetweenDropTargets } from "@/lib/ui/field-mapping-keyboard";
import {
  DIAGNO_FIELD_LABELS,
  DIAGNO_FIELD_ORDER,
  isDiagnoField,
} from "@/lib/ui/field-mapping-labels";
import { CRM_LABELS } from "@/lib/ui/crm-labels";

interface MappingBoardProps {
  crm: CrmType;
  draft: FieldMapping[];
  crmFields: CrmFieldView[];
  issues: Record<string, string[]>;
  onChange: (draft: FieldMapping[]) => void;
}

// The pointer decides where a mouse drop lands; keyboard drags have no pointer, so they fall
// back to the chip's overlap with a row (the keyboard getter centres the chip in a row).
const collisionDetection: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length > 0 ? hits : rectIntersection(args);
};

function readDiagnoField(data: Record<string, unknown> | undefined): DiagnoField | null {
  const value = data?.diagnoField;
  return isDiagnoField(value) ? value : null;
}

function readString(data: Record<string, unknown> | undefined, key: string): string | null {
  const value = data?.[key];
  return typeof value === "string" ? value : null;
}

function fieldLabel(data: Record<string, unknown> | undefined): string {
  const field = readDiagnoField(data);
  return field ? DIAGNO_FIELD_LABELS[field] : "The field";
}

const announcements: Announcements = {
  onDragStart: ({ active }) => `Picked up ${fieldLabel(active.data.current)}.`,
  onDragOver: ({ active, over }) =>
    over
      ? `${fieldLabel(active.data.current)} is over ${readString(over.data.current, "label")}.`
      : `${fieldLabel(active.data.current)} is not over a CRM field.`,
  onDragEnd: ({ active, over }) =>
    over
      ? `${fieldLabel(active.data.current)} mapped to ${readString(over.data.current, "label")}.`
      : `${fieldLabel(active.data.current)} dropped; nothing changed.`,
  onDragCancel: ({ active }) => `Cancelled; ${fieldLabel(active.data.current)} not mapped.`,
};

const screenReaderInstructions = {
  draggable:
    "Press Space to pick up the field. Arrow keys move it from one CRM field to the next; " +
    "Space maps it there, Escape cancels. Each CRM field also has a select that does the same.",
};

export function MappingBoard({ crm, draft, crmFields, issues, onChange }: MappingBoardProps) {
  const [dragging, setDragging] = useState<DiagnoField | null>(null);
  const sensors = useSensors(
    // A few pixels of travel before a drag starts, so a click still focuses the chip.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: jumpBetweenDropTargets }),
  );

  function handleDragStart(event: DragStartEvent) {
    setDragging(readDiagnoField(event.active.data.current));
  }

  function handleDragEnd(event: DragEndEvent) {
    setDragging(null);
    const diagnoField = readDiagnoField(event.active.data.current);
    const crmField = readString(event.over?.data.current, "crmField");
    if (diagnoField && crmField) onChange(assignMapping(draft, crmField, diagnoField));
  }

  return (
    <DndContext
      id="field-mapping"
      sensors={sensors}
      collisionDetection={collisionDetection}
      accessibility={{ announcements, screenReaderInstructions }}
      onDragStart={handleDragStart}
      onDragEnd={handleDragEnd}
      onDragCancel={() => setDragging(null)}
    >
      <div className="mapping-board">
        <section className="mapping-board__source card" aria-labelledby="diagno-fields-title">
          <h2 id="diagno-fields-title">DiagnoLeads fields</h2>
          <p className="muted">Drag a field onto a {CRM_LABELS[crm]} field to map it.</p>
          <ul className="mapping-chips">
            {DIAGNO_FIELD_ORDER.map((field) => (
              <DiagnoFieldChip
                key={field}
                field={field}
                mappedCount={draft.filter((m) => m.diagnoField === field).length}
              />
            ))}
          </ul>
        </section>

        <section className="mapping-board__target card" aria-labelledby="crm-fields-title">
          <h2 id="crm-fields-title">{CRM_LABELS[crm]} fields</h2>
          <p className="muted">Writable fields, read live from {CRM_LABELS[crm]}. * = required.</p>
          <ul className="mapping-rows">
            {crmFields.map((field) => (
              <CrmFieldRow
                key={field.name}
                field={field}
                mapping={findMapping(draft, field.name)}
                errors={issues[field.name] ?? []}
                onAssign={(diagnoField) => onChange(assignMapping(draft, field.name, diagnoField))}
                onTransformChange={(transform) =>
                  onChange(setTransform(draft, field.name, transform))
                }
                onRemove={() => onChange(removeMapping(draft, field.name))}
              />
            ))}
          </ul>
        </section>
      </div>
      <DragOverlay dropAnimation={null}>
        {dragging ? <DiagnoFieldChipPreview field={dragging} /> : null}
      </DragOverlay>
    </DndContext>
  );
}
