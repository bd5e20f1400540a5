import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startStaticServer, StaticServer } from "./staticServer";

interface Answer {
  readonly status: number;
  readonly type: string | undefined;
  readonly body: string;
}

/** A raw request: the path goes as written (fetch would normalise "/%2e%2e/"). */
function ask(server: StaticServer, path: string, method = "GET"): Promise<Answer> {
  const { port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, type: response.headers["content-type"], body: Buffer.concat(chunks).toString("utf8") }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

describe("startStaticServer", () => {
  let parent: string;
  let server: StaticServer;

  beforeAll(async () => {
    parent = mkdtempSync(join(tmpdir(), "registre-site-"));
    const site = join(parent, "site");
    mkdirSync(join(site, "assets"), { recursive: true });
    writeFileSync(join(site, "taskpane.html"), "<!doctype html><p>volet</p>");
    writeFileSync(join(site, "taskpane.js"), "console.log(1);");
    writeFileSync(join(site, "taskpane.css"), "p{}");
    writeFileSync(join(site, "functions.json"), "{}");
    writeFileSync(join(site, "assets", "icon-32.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    writeFileSync(join(parent, "secret.txt"), "hors du site");
    server = await startStaticServer(site);
  });

  afterAll(async () => {
    await server.close();
    rmSync(parent, { recursive: true, force: true });
  });

  test("écoute sur 127.0.0.1, à un port choisi par le système", () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.origin).not.toBe("http://127.0.0.1:0/");
    expect(server.url("/taskpane.html")).toBe(`${server.origin}taskpane.html`);
  });

  test.each([
    ["/taskpane.html", "text/html; charset=utf-8", "<!doctype html><p>volet</p>"],
    ["/taskpane.js", "text/javascript; charset=utf-8", "console.log(1);"],
    ["/taskpane.css", "text/css; charset=utf-8", "p{}"],
    ["/functions.json", "application/json; charset=utf-8", "{}"],
    ["/taskpane.html?x=1#y", "text/html; charset=utf-8", "<!doctype html><p>volet</p>"],
  ])("%s : servi avec le type %s", async (path, type, body) => {
    expect(await ask(server, path)).toEqual({ status: 200, type, body });
  });

  test("une image garde son type", async () => {
    const answer = await ask(server, "/assets/icon-32.png");
    expect([answer.status, answer.type]).toEqual([200, "image/png"]);
  });

  test("HEAD : les en-têtes sans le corps", async () => {
    expect(await ask(server, "/taskpane.css", "HEAD")).toEqual({ status: 200, type: "text/css; charset=utf-8", body: "" });
  });

  test("404 pour un fichier absent ou un dossier", async () => {
    expect((await ask(server, "/absent.js")).status).toBe(404);
    expect((await ask(server, "/assets")).status).toBe(404);
    expect((await ask(server, "/")).status).toBe(404);
  });

  test("rien hors du dossier servi : 403 pour un chemin qui en sort", async () => {
    const escaping = await ask(server, "/..%2fsecret.txt");
    expect(escaping.status).toBe(403);
    expect(escaping.body).not.toContain("hors du site");
    // "/%2e%2e/" is ".." for the URL parser, which stops it at the root: an absent file there.
    const normalised = await ask(server, "/%2e%2e/secret.txt");
    expect(normalised.status).toBe(404);
    expect(normalised.body).not.toContain("hors du site");
  });

  test("405 pour une autre méthode que GET et HEAD", async () => {
    expect((await ask(server, "/taskpane.html", "POST")).status).toBe(405);
  });
});
