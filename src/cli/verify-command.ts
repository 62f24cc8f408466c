import type { CommandSpec } from "./command-spec.js";
import { SHADOW_URL_HELP } from "./option-values.js";

export const verifyCommand: CommandSpec = {
  name: "verify",
  summary: "Test the migrations on a scratch database: one head, every up and down, the models at head",
  usage: "tidemark verify [--from REV] [--shadow-url URL] [--format text|json|github|markdown]",
  example: "tidemark verify --from head-3 --format markdown",
  options: {
    from: { type: "string" },
    "shadow-url": { type: "string" },
    format: { type: "string", default: "text" },
  },
  optionHelp: [
    "--from REV          check only the revisions after REV (upgraded to in one go): an id, head-N, <label>@head",
    SHADOW_URL_HELP,
    "--format FORMAT     text (default), json, github (workflow annotations) or markdown (a pull-request comment)",
    "Exit: 0 all passed, 2 a schema differed (a down, the models), 3 the models differ by a change that drops data, 1 a migration failed or several heads.",
  ],
  run: async (context) => (await import("./verify-run.js")).runVerify(context),
};

/**
 * The result as a report (verify-report.ts), imported when called so that this spec stays light;
 * kept here for the report goldens (test/unit/cli/report/render-goldens.test.ts), which import it from here.
 */
export async function verifyReport(...args: Parameters<VerifyReport>): ReturnType<VerifyReport> {
  return (await import("./verify-report.js")).verifyReport(...args);
}

type VerifyReport = typeof import("./verify-report.js").verifyReport;
