/**
 * Accessibility check of a page with axe-core: its source is injected into the page, run there,
 * and the violations come back as plain data, with a one-line form per problem for assertions.
 */
import { readFileSync } from "node:fs";
import type { AxeResults, RunOptions } from "axe-core";
import type { Page } from "puppeteer-core";

export interface AxeViolation {
  /** The rule's id, as in https://dequeuniversity.com/rules/axe/ (color-contrast, label…). */
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly helpUrl: string;
  /** The offending elements: one CSS selector each, and axe's summary of what to fix. */
  readonly nodes: readonly { readonly target: string; readonly html: string; readonly failureSummary: string }[];
}

let axeSource: string | undefined;

function source(): string {
  axeSource ??= readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  return axeSource;
}

/**
 * Runs axe on the page as it is now (wait for what must be rendered first). By default every rule
 * of WCAG 2.x A and AA and axe's best practices; `options` passes axe's own RunOptions.
 */
export async function runAxe(page: Page, options: RunOptions = {}): Promise<readonly AxeViolation[]> {
  const loaded = await page.evaluate(() => "axe" in window);
  if (!loaded) await page.evaluate(source());
  const results = await page.evaluate(
    (runOptions) => (window as unknown as { axe: { run(context: Document, options: RunOptions): Promise<AxeResults> } }).axe.run(document, runOptions),
    { resultTypes: ["violations"], ...options } satisfies RunOptions,
  );
  return results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact ?? "unknown",
    help: violation.help,
    helpUrl: violation.helpUrl,
    nodes: violation.nodes.map((node) => ({
      // A selector inside a shadow root or a frame is a list; the page's own are plain strings.
      target: node.target.map((selector) => (typeof selector === "string" ? selector : JSON.stringify(selector))).join(" "),
      html: node.html,
      failureSummary: node.failureSummary ?? "",
    })),
  }));
}

/**
 * One line per violation and element, to compare with [] so that a failure reads as a list:
 * "color-contrast (serious) Elements must meet minimum color contrast ratio thresholds — .note".
 */
export function formatViolations(violations: readonly AxeViolation[]): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact}) ${violation.help} — ${node.target}\n    ${node.html}\n    ${node.failureSummary.replace(/\n/g, "\n    ")}`,
    ),
  );
}
