// Numbers the CRMs impose (see CRM-FACTS). They change over time: keep them here only.

export const SALESFORCE_API_VERSION = "57.0";
export const SALESFORCE_COLLECTION_MAX = 200;
/** External-ID field on Lead that holds our lead id: upserts on it never duplicate. */
export const SALESFORCE_LEAD_EXTERNAL_ID_FIELD = "DiagnoLeadsId__c";
/** External-ID field on Task that holds our assessment response id (idempotent activities). */
export const SALESFORCE_TASK_EXTERNAL_ID_FIELD = "DiagnoLeadsResponseId__c";

export const HUBSPOT_BATCH_MAX = 100;
/** Public apps: 110 requests per rolling 10 s per portal; we pace to 100 to leave headroom. */
export const HUBSPOT_MIN_MS_BETWEEN_REQUESTS = 100;
/** Search has its own limit: 5 requests per second per portal. */
export const HUBSPOT_MIN_MS_BETWEEN_SEARCHES = 200;
export const HUBSPOT_ACCESS_TOKEN_LIFETIME_SECONDS = 30 * 60;
export const HUBSPOT_SCOPES = [
  "crm.objects.contacts.read",
  "crm.objects.contacts.write",
  "crm.schemas.contacts.read",
  "crm.schemas.contacts.write",
  "oauth",
];
/** Contact property that holds our lead id (created with hasUniqueValue at connect). */
export const HUBSPOT_LEAD_ID_PROPERTY = "diagnoleads_lead_id";
/** Note property that holds our assessment response id (created with hasUniqueValue). */
export const HUBSPOT_NOTE_ID_PROPERTY = "diagnoleads_response_id";
export const HUBSPOT_PROPERTY_GROUP = "diagnoleads";
export const HUBSPOT_NOTE_TO_CONTACT_ASSOCIATION = 202;

/** Refresh this long before a known expiry instead of waiting for a 401. */
export const TOKEN_REFRESH_MARGIN_SECONDS = 5 * 60;
export const OAUTH_STATE_TTL_SECONDS = 15 * 60;
