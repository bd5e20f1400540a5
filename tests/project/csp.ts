/**
 * Reading a page's Content-Security-Policy as a browser does, for the unit test of the pane's
 * policy and the browser test that checks the built page keeps it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const OFFICE_CDN = "https://appsforoffice.microsoft.com";
/** The pane's page as written (the build copies it into dist/taskpane.html, adding its scripts). */
export const SOURCE_PAGE = readFileSync(join(__dirname, "..", "..", "src", "taskpane", "taskpane.html"), "utf8");

/** The policy of a page's <meta http-equiv="Content-Security-Policy">, and where the tag is. */
export function metaPolicy(html: string): { policy: string; index: number }[] {
  return [...html.matchAll(/<meta\b[^>]*>/gi)]
    .filter((m) => /http-equiv\s*=\s*["']content-security-policy["']/i.test(m[0]))
    .map((m) => ({ policy: /\bcontent\s*=\s*"([^"]*)"/i.exec(m[0])?.[1] ?? "", index: m.index ?? -1 }));
}

/** Directive name → its sources, as CSP's parser splits them (names lower-cased, first one kept). */
export function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name !== undefined && name !== "" && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}
