/**
 * Where the Chromium (or Chrome) of the browser tests is, or null when this machine has none.
 * `npm run setup` installs Debian's chromium (/usr/bin/chromium).
 */
import { accessSync, constants } from "node:fs";

/** The usual places, in the order they are tried when CHROMIUM_PATH is not set. */
export const CHROMIUM_CANDIDATES: readonly string[] = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
  "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe",
];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, process.platform === "win32" ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * REGISTRE_NO_BROWSER=1: none, whatever is installed (to check how the tests behave without one).
 * CHROMIUM_PATH set: that file, or none when it is not an executable there (no silent fallback
 * to another browser). Otherwise the first of CHROMIUM_CANDIDATES that exists.
 *
 * @example
 * findChromium({ CHROMIUM_PATH: "/usr/bin/chromium" }) // "/usr/bin/chromium" where it is installed
 * findChromium({ REGISTRE_NO_BROWSER: "1" })            // null
 */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  executable: (path: string) => boolean = isExecutable,
): string | null {
  if (env.REGISTRE_NO_BROWSER === "1") return null;
  const chosen = env.CHROMIUM_PATH?.trim();
  if (chosen !== undefined && chosen !== "") return executable(chosen) ? chosen : null;
  return CHROMIUM_CANDIDATES.find(executable) ?? null;
}
