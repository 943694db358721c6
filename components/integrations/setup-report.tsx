import type { CrmType } from "@/lib/crm/types";
import type { SetupReportView } from "@/lib/ui/integration-view";

import { LocalTime } from "@/components/local-time";

// Salesforce does not let a connected app create fields for us, so the admin creates these.
const SALESFORCE_CUSTOM_FIELDS: { name: string; spec: string }[] = [
  { name: "LeadScore__c", spec: "Number" },
  { name: "Priority__c", spec: "Picklist Hot/Warm/Cold, restricted" },
  { name: "DetectedChallenges__c", spec: "Long Text Area" },
  { name: "DiagnoLeadsId__c", spec: "Text(36), External ID, Unique" },
  {
    name: "Task.DiagnoLeadsResponseId__c",
    spec: "on Task: Text(36), External ID, Unique (assessment Tasks are then never duplicated)",
  },
];

function SalesforceChecklist({ missing }: { missing: string[] }) {
  const known = SALESFORCE_CUSTOM_FIELDS.filter((field) => missing.includes(field.name));
  const others = missing.filter((name) => !SALESFORCE_CUSTOM_FIELDS.some((f) => f.name === name));

  return (
    <div className="banner banner--warning" data-testid="setup-missing-fields">
      <strong>Create these custom fields in Salesforce (on Lead unless noted):</strong>
      <ul className="checklist">
        {known.map((field) => (
          <li key={field.name}>
            <code>{field.name}</code> ({field.spec})
          </li>
        ))}
        {others.map((name) => (
          <li key={name}>
            <code>{name}</code>
          </li>
        ))}
      </ul>
      Leads sync without errors once these exist.
    </div>
  );
}

function MissingFields({ missing }: { missing: string[] }) {
  return (
    <div className="banner banner--warning" data-testid="setup-missing-fields">
      <strong>Missing contact properties:</strong> {missing.join(", ")}
    </div>
  );
}

export function SetupReport({ crm, report }: { crm: CrmType; report: SetupReportView | null }) {
  if (!report) return <p className="muted">The CRM field check has not run yet.</p>;

  return (
    <section aria-label="Setup report">
      <h3>Setup</h3>
      <p className="muted">
        Fields checked <LocalTime iso={report.checkedAt} />
      </p>
      {report.error ? (
        <p className="banner banner--error">The field check failed: {report.error}</p>
      ) : null}
      {report.missingFields.length > 0 ? (
        crm === "salesforce" ? (
          <SalesforceChecklist missing={report.missingFields} />
        ) : (
          <MissingFields missing={report.missingFields} />
        )
      ) : null}
      {!report.error && report.missingFields.length === 0 ? <p>All mapped fields exist.</p> : null}
      {report.createdFields.length > 0 ? (
        <p data-testid="setup-created-fields">
          Created {crm === "hubspot" ? "HubSpot properties" : "fields"}:{" "}
          {report.createdFields.join(", ")}
        </p>
      ) : null}
    </section>
  );
}
