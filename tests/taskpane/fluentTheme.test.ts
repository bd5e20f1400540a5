/**
 * src/taskpane/fluentTheme.ts, the cut-down Fluent theme: up to date with the components the pane
 * defines and with @fluentui/tokens, and made of webLightTheme's own values.
 */
import { readFileSync } from "node:fs";
import { webLightTheme } from "@fluentui/tokens";
import { THEME_FILE, fluentThemeSource, usedFluentTokens } from "../../scripts/fluent-theme";
import { fluentLightTheme } from "../../src/taskpane/fluentTheme";

describe("the pane's Fluent theme", () => {
  test("is what scripts/fluent-theme.js makes now (run it after changing fluent.ts or @fluentui)", () => {
    expect(readFileSync(THEME_FILE, "utf8")).toBe(fluentThemeSource());
  });

  test("holds webLightTheme's values, and only part of it", () => {
    const full: Record<string, string | number> = { ...webLightTheme };
    for (const [token, value] of Object.entries(fluentLightTheme)) expect([token, value]).toEqual([token, full[token]]);
    expect(Object.keys(fluentLightTheme).length).toBeLessThan(Object.keys(full).length / 2);
  });

  test("a component's tokens are found through its modules", () => {
    // button.styles.js imports colorBrandBackground; the badge's partial writes the palette's red.
    expect(usedFluentTokens(["button"])).toEqual(expect.arrayContaining(["colorBrandBackground", "colorNeutralForeground1", "fontFamilyBase"]));
    expect(usedFluentTokens(["button"])).not.toContain("colorPaletteRedBackground3");
    expect(usedFluentTokens(["badge"])).toEqual(expect.arrayContaining(["colorPaletteRedBackground3", "colorPaletteGreenBackground3"]));
    expect(Object.keys(fluentLightTheme)).toEqual(expect.arrayContaining(["colorBrandBackground", "colorPaletteRedBackground3", "colorCompoundBrandStroke"]));
    expect(Object.keys(fluentLightTheme)).not.toContain("colorPaletteBerryBackground1");
  });
});
