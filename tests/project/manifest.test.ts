/**
 * manifest.xml checked offline (the online validator cannot be reached from here): element order
 * where the XSD schemas (OfficeAppManifestV1_1, TaskPaneAppVersionOverridesV1_0, OfficeAppBasicTypes)
 * require it, required elements, identifiers, resources, https addresses, the shared runtime, the
 * French custom-functions metadata and the icons.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import frenchFunctions from "../../src/i18n/functions.fr.json";
import { REQUIRED_SETS } from "../../src/excel/requirements";
import { ENGLISH_METADATA_LOCALES } from "../../src/plans/functionNames";
import { XmlNode, at, child, childrenNamed, parseXml, sequence, sequenceProblems, walk } from "./xmlTree";

const ROOT = join(__dirname, "..", "..");
const MANIFEST_PATH = join(ROOT, "manifest.xml");
const MANIFEST_TEXT = readFileSync(MANIFEST_PATH, "utf8");
const DEV_URL = "https://localhost:3000/";

const manifest = parseXml(MANIFEST_TEXT);
const versionOverrides = child(manifest, "VersionOverrides");
const host = at(versionOverrides, "Hosts", "Host");
const resources = child(versionOverrides, "Resources");

/** The resources of one kind (bt:Images, bt:Urls, bt:ShortStrings, bt:LongStrings) by id. */
function resourcesOf(kind: string): Map<string, XmlNode> {
  const group = childrenNamed(resources, kind)[0];
  return new Map((group?.children ?? []).map((node) => [node.attributes.id, node]));
}

function url(resid: string): string {
  const node = resourcesOf("bt:Urls").get(resid);
  if (node === undefined) throw new Error(`bt:Url ${resid} absent`);
  return node.attributes.DefaultValue;
}

/** The local file a manifest address points to (the build serves the project's assets/ under the same path). */
function localFile(address: string): string {
  expect(address.startsWith(DEV_URL)).toBe(true);
  return join(ROOT, address.slice(DEV_URL.length));
}

/** Width and height of a PNG file, from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const png = readFileSync(file);
  expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe("manifest.xml: structure required by the schemas", () => {
  it("is an add-in only manifest of a task pane add-in for Excel", () => {
    expect(manifest.name).toBe("OfficeApp");
    expect(manifest.attributes["xsi:type"]).toBe("TaskPaneApp");
    expect(manifest.attributes.xmlns).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(manifest.attributes["xmlns:bt"]).toBe("http://schemas.microsoft.com/office/officeappbasictypes/1.0");
    expect(versionOverrides.attributes.xmlns).toBe("http://schemas.microsoft.com/office/taskpaneappversionoverrides");
    expect(versionOverrides.attributes["xsi:type"]).toBe("VersionOverridesV1_0");
    expect(at(manifest, "Hosts").children.map((h) => h.attributes.Name)).toEqual(["Workbook"]);
    expect(host.attributes["xsi:type"]).toBe("Workbook");
  });

  it("has the OfficeApp children in the schema's order, the required ones present", () => {
    const officeApp = sequence(
      "Id", "AlternateId?", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl?",
      "HighResolutionIconUrl?", "SupportUrl?", "AppDomains?", "Hosts?",
      // TaskPaneApp extension
      "Requirements?", "DefaultSettings", "Permissions", "Dictionary?", "VersionOverrides?",
    );
    expect(sequenceProblems(manifest, officeApp)).toEqual([]);
  });

  it("has every element below VersionOverrides in the schema's order", () => {
    const problems: string[] = [];
    const check = (node: XmlNode, ...items: string[]): void => {
      problems.push(...sequenceProblems(node, sequence(...items)));
    };
    check(at(manifest, "Requirements"), "Sets?", "Methods?");
    check(at(manifest, "Requirements", "Sets"), "Set+");
    check(at(manifest, "DefaultSettings"), "SourceLocation");
    check(versionOverrides, "Description?", "Requirements?", "Hosts?", "Resources?", "WebApplicationInfo?", "EquivalentAddins?");
    check(host, "Runtimes?", "AllFormFactors?", "DesktopFormFactor?");
    check(at(host, "Runtimes"), "Runtime+");
    check(at(host, "AllFormFactors"), "ExtensionPoint?");
    const customFunctions = at(host, "AllFormFactors", "ExtensionPoint");
    expect(customFunctions.attributes["xsi:type"]).toBe("CustomFunctions");
    check(customFunctions, "Script", "Page", "Metadata?", "Namespace?");
    for (const name of ["Script", "Page", "Metadata"]) check(at(customFunctions, name), "SourceLocation");
    const desktop = at(host, "DesktopFormFactor");
    check(desktop, "GetStarted?", "FunctionFile?", "ExtensionPoint+");
    check(at(desktop, "GetStarted"), "Title", "Description", "LearnMoreUrl");
    for (const point of childrenNamed(desktop, "ExtensionPoint")) {
      expect(point.attributes["xsi:type"]).toBe("PrimaryCommandSurface");
      check(point, "OfficeTab*", "CustomTab*");
      for (const tab of point.children) {
        check(tab, ...(tab.name === "CustomTab" ? ["Group+", "Label"] : ["Group+"]));
        for (const group of childrenNamed(tab, "Group")) {
          check(group, "Label", "Icon", "Control+");
          check(at(group, "Icon"), "bt:Image+");
          for (const control of childrenNamed(group, "Control")) {
            expect(control.attributes["xsi:type"]).toBe("Button");
            check(control, "Label", "Supertip", "Icon", "Action");
            check(at(control, "Supertip"), "Title", "Description");
            check(at(control, "Icon"), "bt:Image+");
            const action = at(control, "Action");
            if (action.attributes["xsi:type"] === "ShowTaskpane") check(action, "TaskpaneId?", "SourceLocation", "Title?");
            else check(action, "FunctionName");
          }
        }
      }
    }
    check(resources, "bt:Images?", "bt:Urls?", "bt:ShortStrings?", "bt:LongStrings?");
    check(at(resources, "bt:Images"), "bt:Image*");
    check(at(resources, "bt:Urls"), "bt:Url*");
    check(at(resources, "bt:ShortStrings"), "bt:String*");
    check(at(resources, "bt:LongStrings"), "bt:String*");
    expect(problems).toEqual([]);
  });

  it("reports an element out of order (the order check can fail)", () => {
    const swapped = MANIFEST_TEXT.replace(/(<Version>[^<]*<\/Version>)(\s*)(<ProviderName>[^<]*<\/ProviderName>)/, "$3$2$1");
    expect(swapped).not.toBe(MANIFEST_TEXT);
    const problems = sequenceProblems(parseXml(swapped), sequence("Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl?", "HighResolutionIconUrl?", "SupportUrl?", "Hosts?", "Requirements?", "DefaultSettings", "Permissions", "VersionOverrides?"));
    expect(problems).toEqual(["OfficeApp : <Version> doit venir avant <ProviderName>"]);
  });

  it("is read by the Office tooling (office-addin-manifest, as npm start uses it) as this add-in", () => {
    // In a node of its own: office-addin-manifest loads ES modules that Jest's CommonJS runtime cannot.
    const script =
      'require("office-addin-manifest").OfficeAddinManifest.readManifestFile(process.argv[1])' +
      ".then((info) => process.stdout.write(JSON.stringify(info)))";
    const run = spawnSync(process.execPath, ["-e", script, MANIFEST_PATH], { cwd: ROOT, encoding: "utf8" });
    expect(run.stderr).toBe("");
    const info = JSON.parse(run.stdout) as { id?: string; officeAppType?: string; hosts?: string[]; defaultLocale?: string; displayName?: string };
    expect(info.id).toBe(at(manifest, "Id").text);
    expect(info.officeAppType).toBe("TaskPaneApp");
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.defaultLocale).toBe("fr-FR");
    expect(info.displayName).toBe(at(manifest, "DisplayName").attributes.DefaultValue);
  });
});

describe("manifest.xml: identity and texts", () => {
  it("has a fresh version-4 GUID as id, not a template's", () => {
    const id = at(manifest, "Id").text;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Ids of the yo office templates, which every generated project shares until changed.
    expect(["ca968be6-628b-4f14-ba3c-3e614effa9bd", "05c2e1c9-3e1d-406e-9a91-e9ac64854143"]).not.toContain(id);
  });

  it("has a version of one to four numbers, the package's version", () => {
    const version = at(manifest, "Version").text;
    expect(version).toMatch(/^\d{1,5}(\.\d{1,5}){0,3}$/);
    const packageVersion = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
    expect(`${version}.`.startsWith(`${packageVersion}.`)).toBe(true);
  });

  it("speaks French by default, within the schema's string lengths", () => {
    expect(at(manifest, "DefaultLocale").text).toBe("fr-FR");
    expect(at(manifest, "Permissions").text).toBe("ReadWriteDocument");
    const displayName = at(manifest, "DisplayName").attributes.DefaultValue;
    const description = at(manifest, "Description").attributes.DefaultValue;
    expect(displayName).toBe("Registre des conventions");
    expect(description.length).toBeLessThanOrEqual(250);
    expect(at(manifest, "ProviderName").text.length).toBeLessThanOrEqual(125);
    for (const node of resourcesOf("bt:ShortStrings").values()) expect(node.attributes.DefaultValue.length).toBeLessThanOrEqual(125);
    for (const node of resourcesOf("bt:LongStrings").values()) expect(node.attributes.DefaultValue.length).toBeLessThanOrEqual(250);
    expect(resourcesOf("bt:ShortStrings").get("Registre.ShowPane.Label")?.attributes.DefaultValue).toBe("Registre des conventions");
  });
});

describe("manifest.xml: resources", () => {
  /** Which resource collection a resid must come from, by the element that references it. */
  const KIND_BY_ELEMENT: Record<string, string> = {
    "bt:Image": "bt:Images",
    SourceLocation: "bt:Urls",
    FunctionFile: "bt:Urls",
    LearnMoreUrl: "bt:Urls",
    Runtime: "bt:Urls",
    Label: "bt:ShortStrings",
    Title: "bt:ShortStrings",
    Namespace: "bt:ShortStrings",
    Description: "bt:LongStrings",
  };
  const references = walk(manifest)
    .map(({ node }) => node)
    .filter((node) => node.attributes.resid !== undefined);

  it("defines every resid referenced, in the collection of the right kind", () => {
    expect(references.length).toBeGreaterThan(10);
    const problems = references.flatMap((node) => {
      const kind = KIND_BY_ELEMENT[node.name];
      if (kind === undefined) return [`<${node.name} resid="${node.attributes.resid}"> : élément non prévu`];
      return resourcesOf(kind).has(node.attributes.resid) ? [] : [`${node.attributes.resid} (<${node.name}>) absent de ${kind}`];
    });
    expect(problems).toEqual([]);
  });

  it("uses every resource it defines, each id unique and at most 32 characters", () => {
    const used = new Set(references.map((node) => node.attributes.resid));
    const defined = resources.children.flatMap((group) => group.children.map((node) => node.attributes.id));
    expect(new Set(defined).size).toBe(defined.length);
    expect(defined.filter((id) => !used.has(id))).toEqual([]);
    expect(defined.filter((id) => id.length > 32)).toEqual([]);
  });

  it("uses https for every address", () => {
    const addresses = walk(manifest).flatMap(({ node }) =>
      Object.entries(node.attributes)
        .filter(([name, value]) => !name.startsWith("xmlns") && /^[a-z][a-z0-9+.-]*:\/\//i.test(value))
        .map(([, value]) => value),
    );
    expect(addresses.length).toBeGreaterThan(10);
    expect(addresses.filter((address) => !address.startsWith("https://"))).toEqual([]);
    // Every address of the add-in itself is under the dev URL, which the build replaces as a whole.
    expect(addresses.filter((address) => !address.startsWith(DEV_URL))).toEqual([]);
  });
});

describe("manifest.xml: shared runtime", () => {
  const runtime = at(host, "Runtimes", "Runtime");
  const runtimeResid = runtime.attributes.resid;

  it("requires the shared runtime and the custom-functions runtime", () => {
    const sets = childrenNamed(at(manifest, "Requirements", "Sets"), "Set").map((set) => `${set.attributes.Name} ${set.attributes.MinVersion}`);
    // CustomFunctions.Error needs 1.2 (it was 1.1, which Excel accepts but where the functions' errors fail).
    expect(sets).toEqual(expect.arrayContaining(["SharedRuntime 1.1", "CustomFunctionsRuntime 1.2"]));
  });

  it("requires exactly the sets of src/excel/requirements.ts, the list the pane checks at start-up", () => {
    const sets = childrenNamed(at(manifest, "Requirements", "Sets"), "Set").map((set) => `${set.attributes.Name} ${set.attributes.MinVersion}`);
    expect([...sets].sort()).toEqual(REQUIRED_SETS.map((set) => `${set.name} ${set.version}`).sort());
    expect(sets).toContain("ExcelApi 1.9");
  });

  it("runs the task pane page for a long lifetime and loads the functions and commands in it", () => {
    expect(runtimeResid).toBe("Taskpane.Url");
    expect(runtime.attributes.lifetime).toBe("long");
    expect(url(runtimeResid)).toBe(`${DEV_URL}taskpane.html`);
    const customFunctions = at(host, "AllFormFactors", "ExtensionPoint");
    expect(at(customFunctions, "Page", "SourceLocation").attributes.resid).toBe(runtimeResid);
    expect(at(host, "DesktopFormFactor", "FunctionFile").attributes.resid).toBe(runtimeResid);
    expect(url(at(customFunctions, "Script", "SourceLocation").attributes.resid)).toBe(`${DEV_URL}functions.js`);
    expect(at(manifest, "DefaultSettings", "SourceLocation").attributes.DefaultValue).toBe(url(runtimeResid));
  });

  it("opens one task pane, the runtime's page, from the ribbon", () => {
    const actions = walk(host)
      .map(({ node }) => node)
      .filter((node) => node.name === "Action");
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) {
      // A shared runtime supports one task pane: no TaskpaneId (see "Configure your Office Add-in to use a shared runtime").
      expect(childrenNamed(action, "TaskpaneId")).toEqual([]);
      if (action.attributes["xsi:type"] === "ShowTaskpane") expect(at(action, "SourceLocation").attributes.resid).toBe(runtimeResid);
    }
    expect(actions.some((action) => action.attributes["xsi:type"] === "ShowTaskpane")).toBe(true);
  });
});

describe("manifest.xml: custom functions metadata in French", () => {
  const customFunctions = at(host, "AllFormFactors", "ExtensionPoint");
  const metadata = resourcesOf("bt:Urls").get(at(customFunctions, "Metadata", "SourceLocation").attributes.resid);

  it("names the CONV namespace, the one the help uses", () => {
    const namespace = resourcesOf("bt:ShortStrings").get(at(customFunctions, "Namespace").attributes.resid);
    expect(namespace?.attributes.DefaultValue).toBe("CONV");
    expect(frenchFunctions.namespace).toBe("CONV");
  });

  it("serves functions.fr.json by default (fr-FR) and functions.json to an Excel in English", () => {
    expect(metadata?.attributes.DefaultValue).toBe(`${DEV_URL}functions.fr.json`);
    const overrides = (metadata?.children ?? []).map((node) => [node.attributes.Locale, node.attributes.Value]);
    expect(overrides).toEqual([
      ["en-US", `${DEV_URL}functions.json`],
      ["en-GB", `${DEV_URL}functions.json`],
    ]);
  });

  it("overrides the metadata for the locales where the code writes the English names (plans/functionLanguage.ts)", () => {
    const locales = (metadata?.children ?? []).filter((node) => node.attributes.Value === `${DEV_URL}functions.json`).map((node) => node.attributes.Locale);
    expect(locales).toEqual([...ENGLISH_METADATA_LOCALES]);
  });

  it("never overrides a resource for the default locale, nor twice for one locale", () => {
    const defaultLocale = at(manifest, "DefaultLocale").text.toLowerCase();
    const overrides = walk(manifest)
      .filter(({ node }) => node.name === "Override" || node.name === "bt:Override")
      .map(({ node, ancestors }) => ({ owner: ancestors[ancestors.length - 1], locale: node.attributes.Locale.toLowerCase() }));
    expect(overrides.filter(({ locale }) => locale === defaultLocale)).toEqual([]);
    for (const owner of new Set(overrides.map((o) => o.owner))) {
      const locales = overrides.filter((o) => o.owner === owner).map((o) => o.locale);
      expect(new Set(locales).size).toBe(locales.length);
    }
  });
});

describe("manifest.xml: icons", () => {
  it("lists 16, 32 and 80 px images for the group and each button, and 64 px for high resolution", () => {
    const iconLists = walk(host)
      .map(({ node }) => node)
      .filter((node) => node.name === "Icon");
    expect(iconLists.length).toBe(3);
    for (const list of iconLists) {
      expect(list.children.map((image) => image.attributes.size)).toEqual(["16", "32", "80"]);
    }
    expect(at(manifest, "IconUrl").attributes.DefaultValue).toBe(`${DEV_URL}assets/icon-32.png`);
    expect(at(manifest, "HighResolutionIconUrl").attributes.DefaultValue).toBe(`${DEV_URL}assets/icon-64.png`);
  });

  it("points at PNG files of the project with the declared pixel size", () => {
    const images = resourcesOf("bt:Images");
    const declared: { address: string; size: number }[] = [
      { address: at(manifest, "IconUrl").attributes.DefaultValue, size: 32 },
      { address: at(manifest, "HighResolutionIconUrl").attributes.DefaultValue, size: 64 },
    ];
    for (const list of walk(host).filter(({ node }) => node.name === "Icon")) {
      for (const image of list.node.children) {
        const resource = images.get(image.attributes.resid);
        expect(resource).toBeDefined();
        declared.push({ address: resource?.attributes.DefaultValue ?? "", size: Number(image.attributes.size) });
      }
    }
    for (const { address, size } of declared) {
      const file = localFile(address);
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });
});

describe("manifest.xml: ribbon actions", () => {
  it("names only actions that the commands register (ExecuteFunction)", async () => {
    const names = walk(host)
      .map(({ node }) => node)
      .filter((node) => node.name === "FunctionName")
      .map((node) => node.text.trim());
    const commands = await import("../../src/commands/commands");
    expect(names).toEqual([commands.CHECK_REGISTER]);
    expect(typeof commands.checkRegister).toBe("function");
  });
});
