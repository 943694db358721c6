"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { MappingBoard } from "@/components/field-mapping/mapping-board";
import { MappingToolbar } from "@/components/field-mapping/mapping-toolbar";
import { MappingWarnings } from "@/components/field-mapping/mapping-warnings";
import type { CrmType } from "@/lib/crm/types";
import type { FieldMapping } from "@/lib/mapping/field-mappings";
import {
  FieldMappingSaveError,
  fetchCrmFields,
  fetchFieldMappings,
  saveFieldMappings,
} from "@/lib/ui/field-mapping-api";
import {
  groupSaveIssues,
  orphanMappings,
  removeMapping,
  sameMappings,
  unmappedRequiredFields,
  type SaveIssues,
} from "@/lib/ui/field-mapping-draft";

interface FieldMappingEditorProps {
  tenantId: string;
  crm: CrmType;
}

const NO_ISSUES: SaveIssues = { byCrmField: {}, general: [] };

export function FieldMappingEditor({ tenantId, crm }: FieldMappingEditorProps) {
  const queryClient = useQueryClient();
  const mappingsKey = ["field-mapping", tenantId, crm];
  const mappingsQuery = useQuery({
    queryKey: mappingsKey,
    queryFn: () => fetchFieldMappings(tenantId, crm),
    // A background refetch must not look like someone else's edit while the admin works.
    refetchOnWindowFocus: false,
  });
  const crmFieldsQuery = useQuery({
    queryKey: ["crm-fields", tenantId, crm],
    queryFn: () => fetchCrmFields(tenantId, crm),
    // Each load is a live describe call to the CRM, which counts against its API limit.
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
  });
  // null = no local edits: the editor shows the saved mappings as they are.
  const [localDraft, setLocalDraft] = useState<FieldMapping[] | null>(null);
  const save = useMutation({
    mutationFn: (mappings: FieldMapping[]) => saveFieldMappings(tenantId, crm, mappings),
    onSuccess: (saved) => {
      queryClient.setQueryData(mappingsKey, saved);
      setLocalDraft(null);
    },
  });

  if (mappingsQuery.isPending || crmFieldsQuery.isPending) {
    return <p className="muted">Loading fields…</p>;
  }
  if (mappingsQuery.isError || crmFieldsQuery.isError) {
    const error = mappingsQuery.error ?? crmFieldsQuery.error;
    return (
      <p className="banner banner--error" role="alert">
        Could not load the field mapping: {error?.message ?? "unknown error"}
      </p>
    );
  }

  const saved = mappingsQuery.data;
  const crmFields = crmFieldsQuery.data;
  const draft = localDraft ?? saved;
  const dirty = !sameMappings(draft, saved);
  const issues =
    save.error instanceof FieldMappingSaveError && save.variables
      ? groupSaveIssues(save.variables, save.error.issues)
      : NO_ISSUES;

  return (
    <>
      <MappingToolbar
        dirty={dirty}
        saving={save.isPending}
        saved={save.isSuccess}
        onSave={() => save.mutate(draft)}
        onReset={() => {
          setLocalDraft(null);
          save.reset();
        }}
      />
      {save.error ? (
        <div className="banner banner--error" role="alert" data-testid="mapping-save-error">
          Not saved: {save.error.message}
          {issues.general.length > 0 ? (
            <ul className="error-list">
              {issues.general.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <MappingWarnings
        missingRequired={unmappedRequiredFields(draft, crmFields)}
        orphans={orphanMappings(draft, crmFields)}
        onRemoveOrphan={(crmField) => setLocalDraft(removeMapping(draft, crmField))}
      />
      <MappingBoard
        crm={crm}
        draft={draft}
        crmFields={crmFields}
        issues={issues.byCrmField}
        onChange={setLocalDraft}
      />
    </>
  );
}
