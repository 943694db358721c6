import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

import pg from "pg";

import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";

// Runs every check the project has, in order, and ends with one summary line. Tests make their
// own databases on TEST_DATABASE_SERVER_URL (default: the local PostgreSQL on 5432); when no
// server answers there, a private embedded PostgreSQL is started for the run.

const REPORTS = path.join(".data", "reports");
const DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

type Step = { name: string; command: string[]; env?: Record<string, string> };

const STEPS: Step[] = [
  { name: "lint", command: ["eslint", ".", "--max-warnings", "0"] },
  { name: "format", command: ["prettier", "--check", "."] },
  { name: "types", command: ["tsc", "--noEmit", "-p", "."] },
  {
    name: "unit",
    command: [
      "vitest",
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile=${REPORTS}/vitest.json`,
    ],
  },
  { name: "build", command: ["next", "build"] },
  {
    name: "e2e",
    command: ["playwright", "test"],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: `${REPORTS}/e2e.json` },
  },
];

async function serverAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function testDatabaseServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const configured = process.env.TEST_DATABASE_SERVER_URL;
  const url = configured ?? DEFAULT_SERVER;
  if (await serverAnswers(url)) return { url, stop: async () => undefined };
  if (configured) throw new Error(`TEST_DATABASE_SERVER_URL does not answer: ${configured}`);
  console.log("No PostgreSQL on 127.0.0.1:5432: starting an embedded one for the tests");
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(".data", "test-postgres"),
    port: 5440,
    database: "postgres",
  });
  return { url: embedded.databaseUrl, stop: embedded.stop };
}

function counts(
  file: string,
  read: (json: Record<string, unknown>) => [number, number],
): [number, number] {
  if (!existsSync(file)) return [0, 0];
  return read(JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>);
}

function summary(): [number, number] {
  const [unitPassed, unitFailed] = counts(`${REPORTS}/vitest.json`, (json) => [
    Number(json.numPassedTests ?? 0),
    Number(json.numFailedTests ?? 0),
  ]);
  const [e2ePassed, e2eFailed] = counts(`${REPORTS}/e2e.json`, (json) => {
    const stats = (json.stats ?? {}) as Record<string, number>;
    return [stats.expected ?? 0, (stats.unexpected ?? 0) + (stats.flaky ?? 0)];
  });
  return [unitPassed + e2ePassed, unitFailed + e2eFailed];
}

async function main() {
  const only = process.argv.slice(2);
  const steps = only.length ? STEPS.filter((step) => only.includes(step.name)) : STEPS;
  rmSync(REPORTS, { recursive: true, force: true });
  mkdirSync(REPORTS, { recursive: true });
  const database = await testDatabaseServer();
  const failed: string[] = [];
  try {
    for (const step of steps) {
      if (step.name === "e2e" && (failed.includes("build") || !existsSync(CHROMIUM))) {
        failed.push(step.name);
        if (!existsSync(CHROMIUM))
          console.error(`e2e needs Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
        continue;
      }
      console.log(`\n=== ${step.name}: ${step.command.join(" ")}`);
      const [bin, ...args] = step.command as [string, ...string[]];
      const result = spawnSync(path.join("node_modules", ".bin", bin), args, {
        stdio: "inherit",
        env: { ...process.env, ...step.env, TEST_DATABASE_SERVER_URL: database.url },
      });
      if (result.status !== 0) failed.push(step.name);
    }
  } finally {
    await database.stop();
  }
  const [passed, failedTests] = summary();
  console.log(`\nsteps failed: ${failed.length ? failed.join(", ") : "none"}`);
  console.log(`tests: ${passed} passed, ${failedTests} failed`);
  process.exit(failed.length ? 1 : 0);
}

void main();
