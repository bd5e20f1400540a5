import { CHROMIUM_CANDIDATES, findChromium } from "./findChromium";

/** A machine where only the given paths are executables. */
const machine =
  (...paths: string[]) =>
  (path: string): boolean =>
    paths.includes(path);

describe("findChromium", () => {
  test("sans CHROMIUM_PATH : le premier des emplacements habituels qui existe", () => {
    expect(findChromium({}, machine("/usr/bin/google-chrome", "/usr/bin/chromium-browser"))).toBe("/usr/bin/chromium-browser");
    expect(findChromium({}, machine("/usr/bin/chromium", "/usr/bin/google-chrome"))).toBe("/usr/bin/chromium");
    expect(CHROMIUM_CANDIDATES[0]).toBe("/usr/bin/chromium");
  });

  test("aucun navigateur : null", () => {
    expect(findChromium({}, machine())).toBeNull();
  });

  test("CHROMIUM_PATH l'emporte, et ne se rabat pas sur un autre quand il est faux", () => {
    expect(findChromium({ CHROMIUM_PATH: "/opt/chrome/chrome" }, machine("/opt/chrome/chrome", "/usr/bin/chromium"))).toBe("/opt/chrome/chrome");
    expect(findChromium({ CHROMIUM_PATH: "/nulle/part/chrome" }, machine("/usr/bin/chromium"))).toBeNull();
    expect(findChromium({ CHROMIUM_PATH: "  " }, machine("/usr/bin/chromium"))).toBe("/usr/bin/chromium");
  });

  test("REGISTRE_NO_BROWSER=1 : aucun, même installé ou désigné", () => {
    expect(findChromium({ REGISTRE_NO_BROWSER: "1", CHROMIUM_PATH: "/usr/bin/chromium" }, machine("/usr/bin/chromium"))).toBeNull();
    expect(findChromium({ REGISTRE_NO_BROWSER: "0" }, machine("/usr/bin/chromium"))).toBe("/usr/bin/chromium");
  });
});
