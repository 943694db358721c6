// The callback's reason codes (lib/integrations/complete-connect.ts) in words an admin can act
// on. Every message says whether anything changed, because that is the first thing they ask.

const CONNECT_ERROR_MESSAGES: Record<string, (crm: string) => string> = {
  state_missing: (crm) =>
    `${crm} sent you back without the security token of the connection attempt. ` +
    `Nothing was connected. Start again with "Connect ${crm}".`,
  state_invalid: (crm) =>
    `This ${crm} connection link is not valid or was already used. Nothing was connected. ` +
    `Start again with "Connect ${crm}".`,
  state_expired: (crm) =>
    `The ${crm} connection attempt expired (it is valid for 15 minutes). Nothing was connected. ` +
    `Start again with "Connect ${crm}".`,
  state_wrong_user: (crm) =>
    `This ${crm} connection was started by a different user than the one signed in. ` +
    `Nothing was connected. Start the connection yourself.`,
  denied: (crm) => `You declined access in ${crm}. Nothing was connected.`,
  code_missing: (crm) =>
    `${crm} did not return an authorization code. Nothing was connected. Try again.`,
  exchange_failed: (crm) =>
    `${crm} did not accept the authorization code, so nothing was connected. Try again; if it ` +
    `keeps failing, ask your ${crm} administrator to check the DiagnoLeads app's access.`,
};

export function connectErrorMessage(code: string, crmLabel: string): string {
  const message = CONNECT_ERROR_MESSAGES[code];
  if (message) return message(crmLabel);
  return `Connecting ${crmLabel} failed (${code}). Nothing was connected. Try again.`;
}

export function connectSuccessMessage(crmLabel: string): string {
  return `${crmLabel} connected. New and updated leads will now sync to ${crmLabel}.`;
}
