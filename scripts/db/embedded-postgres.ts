import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres";

// `npm run db:embedded`: a development PostgreSQL for machines without a server; Ctrl-C stops it.
async function main(): Promise<void> {
  const running = await startEmbeddedPostgres();
  console.log(`Embedded PostgreSQL ready: DATABASE_URL=${running.databaseUrl}`);

  const stop = (): void => {
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
