import { connect } from "../../src/driver/connect.js";

export const PASSWORD_ROLE = "tidemark_password_probe";

/**
 * Whether the server checks a password for PASSWORD_ROLE (the local server trusts everyone else).
 * `.ci/run` adds the pg_hba.conf rule; without it, wrong-password tests cannot be run and skip.
 */
export async function serverChecksPassword(serverUrl: string): Promise<boolean> {
  const admin = await connect(serverUrl, process.cwd());
  try {
    const rows = await admin.query<{ n: number }>(
      `select count(*)::int as n from pg_hba_file_rules
       where $1 = any(user_name) and auth_method in ('scram-sha-256', 'md5', 'password')`,
      [PASSWORD_ROLE],
    );
    return (rows[0]?.n ?? 0) > 0;
  } finally {
    await admin.close();
  }
}

/** Creates the role for one test run with a password nobody passes, and returns its remover. */
export async function createPasswordRole(serverUrl: string): Promise<() => Promise<void>> {
  const admin = await connect(serverUrl, process.cwd());
  await admin.execute(
    `DO $$ BEGIN CREATE ROLE ${PASSWORD_ROLE} LOGIN PASSWORD 'the-right-one';
     EXCEPTION WHEN duplicate_object THEN NULL; END $$`,
  );
  return async () => {
    await admin.execute(`DROP ROLE IF EXISTS ${PASSWORD_ROLE}`);
    await admin.close();
  };
}
