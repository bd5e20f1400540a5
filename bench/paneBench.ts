/**
 * The task pane's actions through the Office.js gateway (src/excel/officeWorkbook.ts) as
 * Microsoft's real Excel client sends them (tests/officeClient: excel-web-16.00.js in a Node vm,
 * the fake host behind it), for registers of 100, 10 000 and 50 000 rows (a fifth conventions,
 * four fifths their comités): per action, its Excel.run calls and the requests each sends, the
 * largest request in real bytes (the body the client serializes, and the message Excel on the web
 * receives, escaped once more) and the largest response. Two hosts: Excel on Windows/Mac (no
 * response limit) and Excel on the web (responses refused above 5 MB: the gateway reads by slices
 * under 4 MB).
 */
import { MAX_REQUEST_BYTES } from "../src/excel/officeWorkbook";
import { MeasuredAction, Platform, measurePaneActions } from "../tests/officeClient/paneActions";
import { AS_OF } from "./checkBench";
import { BenchSection, Target, cell, megabytes } from "./measure";

/** Rows of the register: conventions and comités (four per convention). */
const SIZES = [100, 10_000, 50_000];
/** Up to this many rows, an action takes at most three requests in each Excel.run. */
const SYNC_TARGET_ROWS = 10_000;
const WEB_RESPONSE_LIMIT = 5_000_000;

const PLATFORMS: readonly { readonly platform: Platform; readonly name: string }[] = [
  { platform: "desktop", name: "Excel Windows/Mac" },
  { platform: "web", name: "Excel sur le web" },
];

const largest = (values: readonly number[]): number => Math.max(0, ...values);

export async function paneBench(): Promise<BenchSection> {
  const rows: Record<string, string | number>[] = [];
  const worst = { syncs: 0, body: 0, posted: 0, webResponse: 0, syncsAbove: 0 };
  for (const { platform, name } of PLATFORMS) {
    for (const size of SIZES) {
      const measured: readonly MeasuredAction[] = await measurePaneActions(size, AS_OF, platform);
      for (const { action, requests, syncsPerRun } of measured) {
        const body = largest(requests.map((r) => r.bodyBytes));
        const posted = largest(requests.map((r) => r.messageBytes ?? 0));
        const response = largest(requests.map((r) => r.response?.bodyBytes ?? 0));
        rows.push({
          "hôte": name,
          lignes: size,
          action,
          "Excel.run": syncsPerRun.length,
          "requêtes par Excel.run": syncsPerRun.join(" + "),
          "plus grosse requête (Mo, réelle)": megabytes(body),
          "message posté (Mo)": megabytes(posted),
          "plus grosse réponse (Mo)": megabytes(response),
        });
        if (size <= SYNC_TARGET_ROWS) worst.syncs = Math.max(worst.syncs, ...syncsPerRun);
        else worst.syncsAbove = Math.max(worst.syncsAbove, ...syncsPerRun);
        worst.body = Math.max(worst.body, body);
        worst.posted = Math.max(worst.posted, posted);
        if (platform === "web") worst.webResponse = Math.max(worst.webResponse, response);
      }
    }
  }
  const targets: Target[] = [
    {
      label: `au plus 3 requêtes (sync) par Excel.run jusqu'à ${SYNC_TARGET_ROWS.toLocaleString("fr-FR")} lignes, sur les deux hôtes`,
      met: worst.syncs <= 3,
      detail: `au plus ${worst.syncs} ; à 50 000 lignes, au plus ${worst.syncsAbove} (lecture en tranches sous 4 Mo, écriture en requêtes sous 4,5 Mo)`,
    },
    {
      label: "chaque requête sous 4,5 Mo, telle que le client réel la sérialise (corps et message posté)",
      met: worst.body <= MAX_REQUEST_BYTES && worst.posted <= MAX_REQUEST_BYTES,
      detail: `la plus grosse : ${cell(megabytes(worst.body))} Mo (message posté ${cell(megabytes(worst.posted))} Mo)`,
    },
    { label: "aucune réponse au-dessus de 5 Mo sur le web", met: worst.webResponse <= WEB_RESPONSE_LIMIT, detail: `la plus grosse : ${cell(megabytes(worst.webResponse))} Mo` },
  ];
  return {
    title: "Actions du volet avec le client Excel réel (excel-web-16.00.js) : requêtes par Excel.run et octets réels",
    rows,
    targets,
    notes: [
      "Octets réels : le corps de chaque requête tel que le client Office.js de Microsoft le sérialise (tests/officeClient), et le message qu'Excel sur le web reçoit (le corps y est échappé une fois de plus).",
      "Requêtes par Excel.run : les aller-retour avec Excel (un sync qui n'a rien à envoyer n'en fait pas).",
      "L'hôte derrière le client est simulé (tests/browser/fakeOffice) : les tailles de réponse sont celles de cet hôte.",
    ],
  };
}
