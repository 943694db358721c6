import { startHubSpotSandbox } from "./hubspot";
import { startSalesforceSandbox } from "./salesforce";

// Fixed ports so the product's .env can point at the sandboxes without discovery.
async function main() {
  const env = process.env;
  const salesforce = await startSalesforceSandbox({
    loginPort: 4010,
    testLoginPort: 4011,
    instancePort: 4012,
    myDomainPort: 4013,
    clientId: env.SANDBOX_SALESFORCE_CLIENT_ID,
    clientSecret: env.SANDBOX_SALESFORCE_CLIENT_SECRET,
  });
  const hubspot = await startHubSpotSandbox({
    appPort: 4020,
    apiPort: 4021,
    clientId: env.SANDBOX_HUBSPOT_CLIENT_ID,
    clientSecret: env.SANDBOX_HUBSPOT_CLIENT_SECRET,
  });

  console.log(`Salesforce login (production org): ${salesforce.loginUrl}`);
  console.log(`Salesforce login (sandbox org):    ${salesforce.testLoginUrl}`);
  console.log(`Salesforce My Domain (production): ${salesforce.myDomainUrl ?? "off"}`);
  console.log(`Salesforce instance:               ${salesforce.instanceUrl}`);
  console.log(`Salesforce console:                ${salesforce.instanceUrl}/__sandbox/console`);
  console.log(`HubSpot app (authorize):           ${hubspot.appUrl}`);
  console.log(`HubSpot API:                       ${hubspot.apiUrl}`);
  console.log(`HubSpot console:                   ${hubspot.apiUrl}/__sandbox/console`);

  const stop = async () => {
    await Promise.all([salesforce.close(), hubspot.close()]);
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
}

void main();
