/**
 * The "Rapports" tab: the annual report of a year and the comité report of one convention (chosen
 * in the list, or the one of the row selected in Excel), each added in one click as a new sheet
 * through the register's actions. The authority typed under the title is kept in the workbook's
 * settings for the next report. The tab looks at the workbook each time it is shown, so that its
 * list of conventions follows the register.
 */
import { CalendarDate } from "../core/dates/calendarDate";
import { defaultReportYear, parseReportYear } from "../core/report/annualReport";
import { MappingProblem } from "../core/register/registerMapping";
import { WorkbookGateway } from "../excel/gateway";
import { ActionStep, ConventionChoice, inspectWorkbook } from "../actions/registerActions";
import { ReportOutcome, addAnnualReport, addCommitteeReport } from "../actions/reportActions";
import { errorMessage } from "../i18n/fr";
import { PANE, REPORTS, reportRefusalMessage } from "../i18n/pane.fr";
import { actionPanel, mappingProblemList } from "./actionPanel";
import { el } from "./dom";

export interface ReportsPaneOptions {
  readonly gateway: WorkbookGateway;
  /** Today's date (src/runtime/today.ts): the date of the check behind each report. */
  readonly today: () => CalendarDate;
}

export interface ReportsPane {
  /** Looks at the workbook again (the tab is shown): the register adopted or not, its conventions. */
  readonly refresh: () => Promise<void>;
}

/** The value of the list's first choice: the convention of the row selected in Excel. */
const SELECTED_ROW = "";

/**
 * Mounts the tab in `container`; nothing is read before the first `refresh`.
 * @example const reports = mountReportsPane(document.getElementById("rapports")!, { gateway, today }); void reports.refresh();
 */
export function mountReportsPane(container: HTMLElement, options: ReportsPaneOptions): ReportsPane {
  const doc = container.ownerDocument;
  const { gateway } = options;
  const panel = actionPanel(container, "rapports");
  const asOf = options.today();

  const authority = el(doc, "input", {
    id: "rapport-collectivite",
    attributes: { type: "text", autocomplete: "organization", "aria-describedby": "rapport-collectivite-aide", spellcheck: "false" },
  });
  const suggested = defaultReportYear(asOf);
  const year = el(doc, "input", {
    id: "rapport-annee",
    attributes: { type: "number", min: "1900", max: String(asOf.year), step: "1", inputmode: "numeric", "aria-describedby": "rapport-annee-aide" },
  });
  year.value = String(suggested);
  const convention = el(doc, "select", { id: "rapport-convention", attributes: { "aria-describedby": "rapport-convention-aide" } });
  const notice = el(doc, "p", { className: "notice", id: "rapports-avis" });
  const problems = el(doc, "div", { id: "rapports-problemes" });

  const listConventions = (choices: readonly ConventionChoice[]): void => {
    const chosen = convention.value;
    convention.replaceChildren(
      el(doc, "option", { text: REPORTS.selectedRow, attributes: { value: SELECTED_ROW } }),
      ...choices.map((c) => el(doc, "option", { text: c.title === null ? c.id : `${c.id} — ${c.title}`, attributes: { value: c.id } })),
    );
    convention.value = choices.some((c) => c.id === chosen) ? chosen : SELECTED_ROW;
  };
  listConventions([]);

  const showProblems = (list: readonly MappingProblem[]): void => {
    problems.replaceChildren(...(list.length === 0 ? [] : [mappingProblemList(doc, list)]));
  };

  const progress = (step: ActionStep): void => panel.say(step === "writing" ? REPORTS.writing : PANE.steps[step], true);

  /** The outcome said to the user; the list of conventions refreshed from what was read. */
  const settle = (outcome: ReportOutcome, done: (sheet: string, conventionId: string | null) => string): string | void => {
    if (outcome.kind === "unreadable") {
      showProblems(outcome.problems);
      return;
    }
    showProblems([]);
    listConventions(outcome.conventions);
    if (outcome.kind === "refused") {
      panel.showError(reportRefusalMessage(outcome.refusal));
      return;
    }
    return done(outcome.sheet, outcome.conventionId);
  };

  const annual = async (): Promise<string | void> => {
    const at = options.today();
    const chosen = parseReportYear(year.value, at);
    if (!chosen.ok) {
      panel.showError(errorMessage(chosen.error));
      return;
    }
    const outcome = await addAnnualReport(gateway, chosen.value, { asOf: at, authority: authority.value, progress });
    return settle(outcome, (sheet) => REPORTS.annualDone(chosen.value, sheet));
  };

  const committee = async (): Promise<string | void> => {
    const pick = convention.value === SELECTED_ROW ? "selectedRow" : { reference: convention.value };
    const outcome = await addCommitteeReport(gateway, pick, { asOf: options.today(), authority: authority.value, progress });
    return settle(outcome, (sheet, reference) => REPORTS.committeeDone(reference ?? "", sheet));
  };

  const field = (label: string, control: HTMLElement, hint?: { id: string; text: string }): HTMLElement =>
    el(doc, "div", { className: "report-field" }, [
      el(doc, "label", { text: label, attributes: { for: control.id } }),
      control,
      ...(hint === undefined ? [] : [el(doc, "p", { className: "muted hint", id: hint.id, text: hint.text })]),
    ]);

  const form = el(doc, "div", { className: "reports", id: "rapports-formulaire" }, [
    field(REPORTS.authority, authority, { id: "rapport-collectivite-aide", text: REPORTS.authorityHint }),
    el(doc, "fieldset", { className: "report-choice" }, [
      el(doc, "legend", { text: REPORTS.annualTitle }),
      field(REPORTS.year, year, { id: "rapport-annee-aide", text: REPORTS.yearHint(suggested) }),
      panel.button(REPORTS.annual, "primary", () => void panel.busy(REPORTS.annualWorking, annual), "rapport-annuel"),
    ]),
    el(doc, "fieldset", { className: "report-choice" }, [
      el(doc, "legend", { text: REPORTS.committeeTitle }),
      field(REPORTS.convention, convention, { id: "rapport-convention-aide", text: REPORTS.conventionHint }),
      panel.button(REPORTS.committee, "primary", () => void panel.busy(REPORTS.committeeWorking, committee), "rapport-comite"),
    ]),
  ]);
  form.hidden = true;
  panel.body.replaceChildren(el(doc, "h2", { text: REPORTS.title }), el(doc, "p", { className: "intro-text", text: REPORTS.intro }), notice, problems, form);

  const look = async (): Promise<void> => {
    const inspection = await inspectWorkbook(gateway);
    if (inspection.kind !== "adopted") {
      notice.textContent = REPORTS.notAdopted;
      form.hidden = true;
      return;
    }
    notice.textContent = "";
    showProblems([]);
    listConventions(inspection.conventions);
    // What the user typed stays; an empty field gets the authority kept in the workbook.
    if (authority.value.trim() === "" && inspection.authority !== null) authority.value = inspection.authority;
    form.hidden = false;
  };

  return { refresh: () => panel.busy(PANE.steps.reading, look) };
}
