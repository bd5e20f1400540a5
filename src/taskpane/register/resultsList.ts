/**
 * The check's results in the pane: the counts, then each convention's findings (late first), each
 * finding a button that selects its cell; the rows that name no convention last.
 */
import { CalendarDate } from "../../core/dates/calendarDate";
import { FINDING_SEVERITY, Finding } from "../../core/check/findings";
import { GroupedFindings } from "../../core/check/groupFindings";
import { columnIndex } from "../../core/cells/sheetGrid";
import { ALERTS_TABLE_ROW } from "../../plans/alertsPlan";
import { ALERTS_SHEET } from "../../plans/ownedSheets";
import { CellTarget } from "../../excel/gateway";
import { CheckOutcome } from "../../actions/registerActions";
import { STATUS_LABELS, formatDateFr } from "../../i18n/fr";
import { PANE } from "../../i18n/pane.fr";
import { SEVERITY_LABELS, cellPlace, findingMessage } from "../../i18n/register.fr";
import { ActionPanel } from "../actionPanel";
import { custom, el } from "../dom";

type Checked = Extract<CheckOutcome, { ok: true }>;

/**
 * The results of a check made at asOf; `select` shows a cell in Excel.
 * @example results.replaceChildren(...resultsList(document, outcome, asOf, { select, button }))
 */
export function resultsList(
  doc: Document,
  outcome: Checked,
  asOf: CalendarDate,
  actions: { readonly select: (target: CellTarget) => void; readonly button: ActionPanel["button"] },
): HTMLElement[] {
  const { late, soon, data } = outcome.bySeverity;
  const openAlerts = actions.button(PANE.results.openSheet, "secondary", () => actions.select({ sheet: ALERTS_SHEET, row: ALERTS_TABLE_ROW, column: 0 }), "ouvrir-alertes");
  return [
    el(doc, "h2", { id: "alertes-titre", text: PANE.results.title }),
    el(doc, "p", { className: "counts", text: PANE.results.counts(late, soon, data) }),
    el(doc, "p", { className: "muted", text: PANE.results.checkedOn(formatDateFr(asOf)) }),
    ...(outcome.keptCells.length > 0 ? [el(doc, "p", { className: "muted", text: PANE.results.kept(outcome.keptCells.length) })] : []),
    el(doc, "div", { className: "actions" }, [openAlerts]),
    ...conventionSections(doc, outcome.grouped, actions.select),
  ];
}

function conventionSections(doc: Document, grouped: GroupedFindings, select: (target: CellTarget) => void): HTMLElement[] {
  const sections = grouped.sections
    .filter((s) => s.findings.length > 0)
    .map((section) => {
      const id = `conv-${section.summary.id.replace(/[^\p{L}\p{N}_-]/gu, "_")}`;
      const status = section.summary.status === null ? null : STATUS_LABELS[section.summary.status];
      return el(doc, "section", { className: "convention", attributes: { "aria-labelledby": id } }, [
        el(doc, "h3", { id }, [
          el(doc, "span", { className: "reference", text: section.summary.id }),
          ...(status === null ? [] : [" ", custom(doc, "fluent-badge", { text: status, attributes: { appearance: "tint", color: "informative" } })]),
        ]),
        ...(section.summary.title === null ? [] : [el(doc, "p", { className: "convention-title", text: section.summary.title })]),
        findingList(doc, section.findings, select),
      ]);
    });
  if (grouped.orphans.length === 0) return sections;
  return [...sections, el(doc, "section", { className: "convention" }, [el(doc, "h3", { text: PANE.results.orphans }), findingList(doc, grouped.orphans, select)])];
}

function findingList(doc: Document, findings: readonly Finding[], select: (target: CellTarget) => void): HTMLElement {
  return el(
    doc,
    "ul",
    { className: "findings" },
    findings.map((finding) => {
      const severity = FINDING_SEVERITY[finding.code];
      const location = finding.location;
      const place = location === undefined ? null : cellPlace(location);
      const content = [
        el(doc, "span", { className: `severity severity-${severity}`, text: SEVERITY_LABELS[severity] }),
        el(doc, "span", { className: "message", text: findingMessage(finding) }),
        ...(place === null ? [] : [el(doc, "span", { className: "place", text: place })]),
      ];
      if (location === undefined) return el(doc, "li", { className: `finding finding-${severity}` }, content);
      const target = el(doc, "button", { className: `finding finding-${severity}`, attributes: { type: "button", title: PANE.results.goTo(place ?? "") } }, content);
      const column = location.column === undefined ? 0 : (columnIndex(location.column) ?? 0);
      target.addEventListener("click", () => select({ sheet: location.sheet, row: location.row - 1, column }));
      return el(doc, "li", {}, [target]);
    }),
  );
}
