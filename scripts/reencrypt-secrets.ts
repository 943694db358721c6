import { createPrismaClient } from "../lib/db/client";
import { readDatabaseUrl } from "../lib/db/database-url";
import { reencryptSecrets } from "../lib/integrations/reencrypt-secrets";

// `npm run secrets:reencrypt`: re-encrypts every stored CRM token with the first key of
// TOKEN_ENCRYPTION_KEYS (after a key rotation). Safe to run again: it skips current rows.
async function main() {
  const db = createPrismaClient(readDatabaseUrl());
  try {
    const result = await reencryptSecrets(db);
    console.log(
      `re-encrypted ${result.integrations} integrations and ${result.states} pending OAuth states`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
