/**
 * The "Diagnostic" tab: what this Excel says of itself and of the requirement sets the add-in
 * needs, shown at once; then, on request, the probes of src/excel/diagnostic.ts in temporary
 * sheets; and the report for the support with "Copier". Loaded only when the tab is first opened
 * (taskpane.ts imports it on demand): the pane opens without it, and hands it its action panel
 * and DOM helpers.
 */
import { CalendarDate } from "../core/dates/calendarDate";
import { DiagnosticRunner, HostEnvironment, ProbeResult, hostEnvironment, runProbes } from "../excel/diagnostic";
import { DIAGNOSTIC, diagnosticReport, environmentLines, probeSentence, requirementLines } from "../i18n/diagnostic.fr";
import type { ActionPanel } from "./actionPanel";
import type { copyText } from "./copyText";
import type { custom, el } from "./dom";

export interface DiagnosticPaneOptions {
  /** Excel.run (the probes' own runs, not the register's gateway). */
  readonly run: DiagnosticRunner;
  readonly today: () => CalendarDate;
  /** A clock in milliseconds, for the round trip (performance.now). */
  readonly now: () => number;
  /** What Office says of the host; Office.context's by default. */
  readonly environment?: () => HostEnvironment;
  /**
   * What the pane's opening bundle already holds, handed over rather than imported: a chunk that
   * imports modules of the opening bundle makes webpack keep them as modules of their own (no
   * scope hoisting), 2.5 Kio more at every opening for these four.
   */
  readonly ui: { readonly panel: ActionPanel; readonly copyText: typeof copyText; readonly el: typeof el; readonly custom: typeof custom };
}

/**
 * Mounts the tab in `container`.
 * @example mountDiagnosticPane(document.getElementById("diagnostic")!, { run: (batch) => Excel.run(batch), today, now: () => performance.now() })
 */
export function mountDiagnosticPane(container: HTMLElement, options: DiagnosticPaneOptions): void {
  const doc = container.ownerDocument;
  const environment = (options.environment ?? (() => hostEnvironment()))();
  const { body, busy, button } = options.ui.panel;
  const { el, custom, copyText } = options.ui;
  const facts = el(doc, "dl", { className: "facts" }, environmentLines(environment).flatMap(([label, value]) => [el(doc, "dt", { text: label }), el(doc, "dd", { text: value })]));
  const sets = el(
    doc,
    "ul",
    { className: "sets", id: "diagnostic-ensembles" },
    requirementLines(environment).map((line) => el(doc, "li", { text: line, className: line.includes(DIAGNOSTIC.unsupported) ? "missing" : "" })),
  );
  const probes = el(doc, "ul", { className: "probes", id: "diagnostic-essais" });
  const report = el(doc, "textarea", { id: "diagnostic-rapport", className: "copy-text", attributes: { readonly: "", rows: "8", spellcheck: "false", "aria-label": DIAGNOSTIC.reportLabel } });
  const copyStatus = el(doc, "p", { className: "copy-status", id: "diagnostic-copie", attributes: { role: "status" } });
  const copy = custom(doc, "fluent-button", { id: "diagnostic-copier", text: DIAGNOSTIC.copy, attributes: { appearance: "secondary" } });
  copy.addEventListener("click", () => {
    if (copy.hasAttribute("disabled")) return;
    void copyText(report).then((outcome) => (copyStatus.textContent = outcome === "copied" ? DIAGNOSTIC.copied : DIAGNOSTIC.selected));
  });
  const showReport = (results: readonly ProbeResult[] | null): void => {
    report.value = diagnosticReport(environment, results, options.today());
    copyStatus.textContent = "";
  };

  const runAll = async (): Promise<string> => {
    const results = await runProbes({
      run: options.run,
      language: environment.functionLanguage,
      now: options.now,
      wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    });
    probes.replaceChildren(
      ...results.map((result) =>
        el(doc, "li", { className: result.ok ? "probe ok" : "probe failed" }, [
          el(doc, "span", { className: "mark", text: result.ok ? DIAGNOSTIC.ok : DIAGNOSTIC.failed }),
          " ",
          probeSentence(result),
        ]),
      ),
    );
    showReport(results);
    return DIAGNOSTIC.done(results.filter((r) => !r.ok).length);
  };

  showReport(null);
  body.replaceChildren(
    el(doc, "h2", { text: DIAGNOSTIC.title }),
    el(doc, "p", { className: "intro-text", text: DIAGNOSTIC.intro }),
    el(doc, "h3", { text: DIAGNOSTIC.hostTitle }),
    facts,
    el(doc, "h3", { text: DIAGNOSTIC.setsTitle }),
    sets,
    el(doc, "div", { className: "actions" }, [button(DIAGNOSTIC.run, "primary", () => void busy(DIAGNOSTIC.running, runAll), "diagnostic-lancer")]),
    probes,
    el(doc, "h3", { text: DIAGNOSTIC.reportTitle }),
    el(doc, "p", { className: "note", text: DIAGNOSTIC.reportHelp }),
    report,
    el(doc, "div", { className: "actions" }, [copy]),
    copyStatus,
  );
}
