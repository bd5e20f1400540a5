/**
 * The screen of an adopted register: what was recognised, and its actions — check it, review the
 * mapping, export its deadlines (an .ics file made at today's date: to download, or to copy where
 * the host does not download — see exportPanel.ts).
 */
import { CalendarDate } from "../../core/dates/calendarDate";
import { MappingProblem } from "../../core/register/registerMapping";
import { WorkbookGateway } from "../../excel/gateway";
import { WorkbookInspection, exportDeadlines } from "../../actions/registerActions";
import { EXPORT, PANE } from "../../i18n/pane.fr";
import { ActionPanel } from "../actionPanel";
import { el } from "../dom";
import { exportPanel } from "./exportPanel";

export interface AdoptedActions {
  readonly gateway: WorkbookGateway;
  readonly today: () => CalendarDate;
  readonly panel: ActionPanel;
  readonly runCheck: () => Promise<void>;
  readonly review: () => Promise<void>;
  /** Whether a download link works in this host's pane (register/exportPanel.ts); true when not said. */
  readonly downloads?: boolean;
  /** Where the register's problems go when the export cannot read it. */
  readonly showProblems: (problems: readonly MappingProblem[]) => void;
}

/**
 * The adopted register's screen content.
 * @example screen.replaceChildren(...adoptedScreen(document, inspection, actions))
 */
export function adoptedScreen(doc: Document, inspection: Extract<WorkbookInspection, { kind: "adopted" }>, actions: AdoptedActions): HTMLElement[] {
  const { busy, button } = actions.panel;
  const download = el(doc, "div", { className: "download", id: "export-echeances" });
  let downloadUrl: string | null = null;
  const exportCalendar = async (): Promise<string | void> => {
    const outcome = await exportDeadlines(actions.gateway, actions.today());
    if (!outcome.ok) {
      actions.showProblems(outcome.problems);
      return;
    }
    if (downloadUrl !== null) URL.revokeObjectURL(downloadUrl);
    downloadUrl = actions.downloads === false ? null : URL.createObjectURL(new Blob([outcome.ics], { type: "text/calendar;charset=utf-8" }));
    download.replaceChildren(...exportPanel(doc, outcome.ics, { downloadUrl }));
    return EXPORT.ready(outcome.events);
  };
  return [
    el(doc, "h2", { text: PANE.adopted.title }),
    el(doc, "p", { className: "summary", text: PANE.adopted.summary(inspection.conventions.length, inspection.mapping.conventions.sheet) }),
    el(doc, "div", { className: "actions" }, [
      button(PANE.adopted.check, "primary", () => void busy(PANE.steps.checking, actions.runCheck), "verifier"),
      button(PANE.adopted.review, "secondary", () => void busy(PANE.steps.reading, actions.review), "revoir"),
      button(EXPORT.button, "secondary", () => void busy(EXPORT.working, exportCalendar), "exporter"),
    ]),
    download,
  ];
}
