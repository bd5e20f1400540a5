/**
 * The Fluent UI web components the pane uses, each defined once, and the Office look (Fluent's
 * light theme tokens, those these components read: see fluentTheme.ts). Only these components end
 * up in the bundle. After adding one here, run `node scripts/fluent-theme.js`.
 */
import "@fluentui/web-components/badge.js";
import "@fluentui/web-components/button.js";
import "@fluentui/web-components/message-bar.js";
import "@fluentui/web-components/spinner.js";
import "@fluentui/web-components/tab.js";
import "@fluentui/web-components/tablist.js";
import { setTheme } from "@fluentui/web-components";
import { fluentLightTheme } from "./fluentTheme";

/** Sets Fluent's light theme on the page (the tokens the components draw with). */
export function useFluentTheme(): void {
  setTheme(fluentLightTheme);
}
