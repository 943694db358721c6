"use client";

interface MappingToolbarProps {
  dirty: boolean;
  saving: boolean;
  saved: boolean;
  onSave: () => void;
  onReset: () => void;
}

function statusText({
  dirty,
  saving,
  saved,
}: Pick<MappingToolbarProps, "dirty" | "saving" | "saved">) {
  if (saving) return "Saving…";
  if (dirty) return "Unsaved changes";
  return saved ? "Saved" : "";
}

export function MappingToolbar({ dirty, saving, saved, onSave, onReset }: MappingToolbarProps) {
  const text = statusText({ dirty, saving, saved });

  return (
    <div className="mapping-toolbar">
      <button type="button" className="button" disabled={!dirty || saving} onClick={onSave}>
        Save mapping
      </button>
      <button
        type="button"
        className="button button--secondary"
        disabled={!dirty || saving}
        onClick={onReset}
      >
        Reset to saved
      </button>
      {/* Named because dnd-kit adds its own (hidden) status region for drag announcements. */}
      <p
        role="status"
        aria-label="Save status"
        className={`mapping-toolbar__status${dirty ? " mapping-toolbar__status--dirty" : ""}`}
      >
        {text}
      </p>
    </div>
  );
}
