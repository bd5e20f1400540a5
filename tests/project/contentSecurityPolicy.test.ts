/**
 * The task pane's Content-Security-Policy (src/taskpane/taskpane.html), read as a browser reads
 * it: scripts only from the add-in's own origin and Office.js's CDN, no eval, no inline script,
 * no other host anywhere, nothing allowed by default. The browser test (tests/browser/
 * contentSecurityPolicy.test.ts) checks the built page keeps it and that the pane runs under it.
 */
import { OFFICE_CDN, SOURCE_PAGE as PAGE, metaPolicy, parsePolicy } from "./csp";

describe("la CSP du volet", () => {
  const metas = metaPolicy(PAGE);
  const policy = parsePolicy(metas[0]?.policy ?? "");
  const sources = [...policy.values()].flat();

  test("une seule balise, avant toute ressource de la page (une CSP en <meta> ne couvre que ce qui la suit)", () => {
    expect(metas).toHaveLength(1);
    const firstResource = PAGE.search(/<(script|link|img|style)\b/i);
    expect(firstResource).toBeGreaterThan(0);
    expect(metas[0].index).toBeLessThan(firstResource);
  });

  test("scripts : l'origine du complément et Office.js, rien d'autre ; ni eval ni script en ligne", () => {
    expect(policy.get("script-src")).toEqual(["'self'", OFFICE_CDN]);
    expect(policy.has("script-src-elem")).toBe(false);
    expect(policy.has("script-src-attr")).toBe(false);
    for (const forbidden of ["'unsafe-eval'", "'unsafe-inline'", "'unsafe-hashes'", "'wasm-unsafe-eval'", "'strict-dynamic'"]) expect(sources).not.toContain(forbidden);
  });

  test("aucun autre hôte, aucun joker, aucun schéma entier dans toute la politique", () => {
    const hosts = sources.filter((s) => !s.startsWith("'"));
    expect(new Set(hosts)).toEqual(new Set([OFFICE_CDN]));
    expect(sources.some((s) => s.includes("*"))).toBe(false);
  });

  test("rien par défaut ; styles, images et le worker de pdf.js de la seule origine ; ni objet, ni <base>, ni formulaire", () => {
    expect(policy.get("default-src")).toEqual(["'none'"]);
    expect(policy.get("style-src")).toEqual(["'self'"]);
    expect(policy.get("img-src")).toEqual(["'self'"]);
    expect(policy.get("font-src")).toEqual(["'none'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("frame-src")).toEqual([OFFICE_CDN]);
    // pdf.js's worker (dist/pdf.worker.js), for a PDF dropped in the Importer tab: no blob:, no other host.
    expect(policy.get("worker-src")).toEqual(["'self'"]);
    expect(policy.has("child-src")).toBe(false);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'none'"]);
  });

  test("chaque script de la page est permis par la politique, et aucun n'est en ligne", () => {
    const scripts = [...PAGE.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(body.trim()).toBe("");
      const src = /\bsrc\s*=\s*"([^"]*)"/i.exec(attributes)?.[1] ?? "";
      const url = new URL(src, "https://complement.example/");
      expect([src, url.origin === "https://complement.example" || url.origin === OFFICE_CDN]).toEqual([src, true]);
    }
    // No handler attribute (onclick=…) nor javascript: link, which the policy would refuse anyway.
    expect(PAGE).not.toMatch(/\son[a-z]+\s*=|javascript:/i);
    expect(PAGE).not.toMatch(/\sstyle\s*=/i);
  });
});
