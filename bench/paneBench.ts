/**
 * The task pane's actions through the Office.js gateway (src/excel/officeWorkbook.ts) on the fake
 * Excel host (tests/browser/fakeOffice/fakeExcel.ts), for registers of 100, 10 000 and 50 000
 * rows (a fifth conventions, four fifths their comités: 20, 2 000 and 10 000 conventions): per action, the Excel.run calls, the most `context.sync` calls
 * in one of them, the largest request and the largest response, as Excel would carry them. Two
 * hosts: Excel on Windows/Mac (no response limit: a read is one response) and Excel on the web
 * (responses refused above 5 MB: the gateway reads by slices under 4 MB).
 */
import { CalendarDate } from "../src/core/dates/calendarDate";
import { ExcelRunner, MAX_REQUEST_BYTES, MAX_RESPONSE_BYTES, OfficeWorkbook } from "../src/excel/officeWorkbook";
import { adoptRegister, checkAndAnnotate, exportDeadlines, inspectWorkbook } from "../src/actions/registerActions";
import { addAnnualReport, addCommitteeReport } from "../src/actions/reportActions";
import { FakeExcelHost } from "../tests/browser/fakeOffice/fakeExcel";
import { COMMITTEES_PER_CONVENTION, largeRegister, registerGrids } from "../tests/helpers/largeRegister";
import { AS_OF } from "./checkBench";
import { BenchSection, Target, cell, megabytes } from "./measure";

/** Rows of the register: conventions and comités (four per convention). */
const SIZES = [100, 10_000, 50_000];
const WEB_RESPONSE_LIMIT = 5_000_000;

interface Platform {
  readonly name: string;
  readonly responseLimitBytes: number;
  readonly hostLimit: number;
}

const PLATFORMS: readonly Platform[] = [
  { name: "Excel Windows/Mac", responseLimitBytes: Infinity, hostLimit: Infinity },
  { name: "Excel sur le web", responseLimitBytes: MAX_RESPONSE_BYTES, hostLimit: WEB_RESPONSE_LIMIT },
];

interface Measured {
  readonly runs: number;
  readonly maxSyncsPerRun: number;
  readonly syncs: number;
  readonly largestRequest: number;
  readonly largestResponse: number;
  /** Responses Excel refused as too large (the gateway read them again in halves). */
  readonly refused: number;
}

/** The gateway over the host, counting the syncs of each Excel.run. */
function measuredGateway(host: FakeExcelHost, platform: Platform): { gateway: OfficeWorkbook; measure: <T>(action: () => Promise<T>) => Promise<{ result: T; measured: Measured }> } {
  const perRun: number[] = [];
  const run: ExcelRunner = async (batch) => {
    const before = host.requests.length;
    try {
      return await (host.run as unknown as ExcelRunner)(batch);
    } finally {
      perRun.push(host.requests.length - before);
    }
  };
  const gateway = new OfficeWorkbook(run, { responseLimitBytes: platform.responseLimitBytes });
  const measure = async <T>(action: () => Promise<T>): Promise<{ result: T; measured: Measured }> => {
    perRun.length = 0;
    const firstRequest = host.requests.length;
    const firstRefused = host.refusedResponses.length;
    const result = await action();
    const requests = host.requests.slice(firstRequest);
    const responses = host.responses.slice(firstRequest);
    return {
      result,
      measured: {
        runs: perRun.length,
        maxSyncsPerRun: Math.max(0, ...perRun),
        syncs: requests.length,
        largestRequest: Math.max(0, ...requests),
        largestResponse: Math.max(0, ...responses),
        refused: host.refusedResponses.length - firstRefused,
      },
    };
  };
  return { gateway, measure };
}

async function measureActions(size: number, platform: Platform, asOf: CalendarDate): Promise<{ action: string; measured: Measured }[]> {
  const host = new FakeExcelHost(registerGrids(largeRegister(size / (1 + COMMITTEES_PER_CONVENTION), asOf)));
  host.responseLimitBytes = platform.hostLimit;
  const { gateway, measure } = measuredGateway(host, platform);
  const out: { action: string; measured: Measured }[] = [];
  const inspected = await measure(() => inspectWorkbook(gateway));
  out.push({ action: "ouverture (lecture du classeur)", measured: inspected.measured });
  if (inspected.result.kind !== "toAdopt") throw new Error(`registre à adopter attendu, pas ${inspected.result.kind}`);
  const draft = inspected.result.draft;
  out.push({ action: "adopter les tables", measured: (await measure(() => adoptRegister(gateway, draft))).measured });
  out.push({ action: "vérifier et annoter", measured: (await measure(() => checkAndAnnotate(gateway, asOf))).measured });
  out.push({ action: "exporter les échéances (.ics)", measured: (await measure(() => exportDeadlines(gateway, asOf))).measured });
  const request = { asOf, authority: "Communauté d'agglomération" };
  out.push({ action: "rapport annuel 2025", measured: (await measure(() => addAnnualReport(gateway, 2025, request))).measured });
  out.push({ action: "rapport de comité", measured: (await measure(() => addCommitteeReport(gateway, { reference: "GEN-000001" }, request))).measured });
  return out;
}

export async function paneBench(): Promise<BenchSection> {
  const rows: Record<string, string | number>[] = [];
  let worstSyncs = { web: 0, desktop: 0 };
  let largestRequest = 0;
  let largestWebResponse = 0;
  for (const platform of PLATFORMS) {
    for (const size of SIZES) {
      for (const { action, measured } of await measureActions(size, platform, AS_OF)) {
        rows.push({
          "hôte": platform.name,
          lignes: size,
          action,
          "Excel.run": measured.runs,
          "sync max par Excel.run": measured.maxSyncsPerRun,
          "sync en tout": measured.syncs,
          "plus grosse requête (Mo)": megabytes(measured.largestRequest),
          "plus grosse réponse (Mo)": megabytes(measured.largestResponse),
          "réponses refusées": measured.refused,
        });
        if (platform.responseLimitBytes === Infinity) worstSyncs = { ...worstSyncs, desktop: Math.max(worstSyncs.desktop, measured.maxSyncsPerRun) };
        else {
          worstSyncs = { ...worstSyncs, web: Math.max(worstSyncs.web, measured.maxSyncsPerRun) };
          largestWebResponse = Math.max(largestWebResponse, measured.largestResponse);
        }
        largestRequest = Math.max(largestRequest, measured.largestRequest);
      }
    }
  }
  const targets: Target[] = [
    { label: "au plus 3 sync par action, quelle que soit la taille (Excel Windows/Mac)", met: worstSyncs.desktop <= 3, detail: `au plus ${worstSyncs.desktop} sync dans un Excel.run` },
    {
      label: "au plus 3 sync par action, quelle que soit la taille (Excel sur le web)",
      met: worstSyncs.web <= 3,
      detail: `au plus ${worstSyncs.web} sync dans un Excel.run : au-delà de 5 Mo, Excel sur le web refuse la réponse, la lecture se fait donc par tranches de moins de 4 Mo (une sync chacune)`,
    },
    { label: "aucune requête au-dessus de 4 Mo", met: largestRequest <= MAX_REQUEST_BYTES, detail: `la plus grosse : ${cell(megabytes(largestRequest))} Mo` },
    { label: "aucune réponse au-dessus de 5 Mo sur le web", met: largestWebResponse <= WEB_RESPONSE_LIMIT, detail: `la plus grosse : ${cell(megabytes(largestWebResponse))} Mo` },
  ];
  return {
    title: "Actions du volet sur l'hôte Excel simulé : appels Excel.run, sync et taille des échanges",
    rows,
    targets,
    notes: [
      "Les tailles sont celles du JSON des valeurs, formats et formules échangés (l'hôte simulé les compte comme Excel les transporte).",
      "Réponse refusée : plus de 5 Mo malgré l'estimation ; la passerelle relit alors la tranche en deux moitiés (une sync de plus).",
    ],
  };
}
