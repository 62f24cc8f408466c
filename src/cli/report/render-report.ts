import { renderGithub } from "./render-github.js";
import { renderJson } from "./render-json.js";
import { renderMarkdown } from "./render-markdown.js";
import { renderText } from "./render-text.js";
import type { RenderOptions, Report, ReportFormat } from "./report.js";

/** The report in one format, as the text to print on stdout. */
export function renderReport(report: Report, format: ReportFormat, options: RenderOptions): string {
  switch (format) {
    case "text":
      return renderText(report, options);
    case "json":
      return renderJson(report);
    case "github":
      return renderGithub(report, options.cwd);
    case "markdown":
      return renderMarkdown(report, options.cwd);
    default: {
      const unknown: never = format;
      throw new Error(`unknown report format ${String(unknown)}`);
    }
  }
}
