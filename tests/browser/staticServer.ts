/**
 * A small static HTTP server for the browser tests: serves one folder (dist/) on 127.0.0.1 at a
 * port the system picks. GET and HEAD only; 404 for what is not there, 403 for a path that leaves
 * the folder. Plain HTTP: office-addin-dev-certs cannot install its CA on a build machine, and
 * the page only needs an origin of its own.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, IncomingMessage, ServerResponse } from "node:http";
import { AddressInfo } from "node:net";
import { extname, join, resolve, sep } from "node:path";

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

export interface StaticServer {
  /** http://127.0.0.1:PORT/ */
  readonly origin: string;
  /** The address of a file of the folder: url("taskpane.html"). */
  url(path: string): string;
  close(): Promise<void>;
}

function send(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
  response.end(text);
}

async function serveFile(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.setHeader("Allow", "GET, HEAD");
    send(response, 405, "Méthode non permise");
    return;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
  } catch {
    send(response, 400, "Adresse illisible");
    return;
  }
  const file = resolve(join(root, pathname.endsWith("/") ? `${pathname}index.html` : pathname));
  if (file !== root && !file.startsWith(root + sep)) {
    send(response, 403, "Hors du dossier servi");
    return;
  }
  const info = await stat(file).catch(() => null);
  if (info === null || !info.isFile()) {
    send(response, 404, `Introuvable : ${pathname}`);
    return;
  }
  response.writeHead(200, {
    "Content-Type": CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
    "Content-Length": info.size,
    "Cache-Control": "no-store",
  });
  if (request.method === "HEAD") {
    response.end();
    return;
  }
  createReadStream(file).pipe(response);
}

/** Starts serving `folder`; close() stops it (call it in afterAll). */
export async function startStaticServer(folder: string): Promise<StaticServer> {
  const root = resolve(folder);
  const server = createServer((request, response) => {
    serveFile(root, request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, error instanceof Error ? error.message : String(error));
      else response.destroy();
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}/`;
  return {
    origin,
    url: (path) => new URL(path.replace(/^\/+/, ""), origin).href,
    close: () =>
      new Promise<void>((resolveClose, reject) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolveClose() : reject(error)));
      }),
  };
}
