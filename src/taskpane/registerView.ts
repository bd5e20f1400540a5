/**
 * The "Registre" tab of the task pane: adopt the register (review the mapping), or set up a new
 * one; check it and list what is late, grouped by convention, each finding a button that selects
 * its row. The pane reaches the workbook only through the gateway and the register's actions;
 * text from the workbook is only ever set as text. The screens are built by the modules of
 * ./register (the mapping editor, the adopted screen, the results list); this one moves between them.
 */
import { CalendarDate } from "../core/dates/calendarDate";
import { MappingDraft, draftFromMapping } from "../core/register/mappingDraft";
import { MappingProblem } from "../core/register/registerMapping";
import { SheetGrid } from "../core/cells/sheetGrid";
import { CellTarget, WorkbookGateway } from "../excel/gateway";
import { WorkbookInspection, adoptRegister, checkAndAnnotate, inspectWorkbook, setUpRegister } from "../actions/registerActions";
import { PANE } from "../i18n/pane.fr";
import { SETUP, mappingProblemMessage } from "../i18n/register.fr";
import { actionPanel, mappingProblemList } from "./actionPanel";
import { el } from "./dom";
import { adoptedScreen } from "./register/adoptedScreen";
import { mappingEditor } from "./register/mappingEditor";
import { resultsList } from "./register/resultsList";

export interface RegisterPaneOptions {
  readonly gateway: WorkbookGateway;
  /** Today's date (src/runtime/today.ts): the date of the check. */
  readonly today: () => CalendarDate;
  /** Whether a download link works in this host's pane (register/exportPanel.ts); true when not said. */
  readonly downloads?: boolean;
}

export interface RegisterPane {
  /** Settles once the workbook has been looked at and the first screen is shown. */
  readonly ready: Promise<void>;
}

/**
 * Mounts the register's screens in `container` and looks at the workbook.
 * @example mountRegisterPane(document.getElementById("registre")!, { gateway: new OfficeWorkbook(), today })
 */
export function mountRegisterPane(container: HTMLElement, options: RegisterPaneOptions): RegisterPane {
  const doc = container.ownerDocument;
  const { gateway } = options;
  const panel = actionPanel(container, "registre");
  const { body, say, busy, button } = panel;
  const screen = el(doc, "div", { className: "screen" });
  const results = el(doc, "div", { className: "results", id: "registre-resultats" });
  body.replaceChildren(screen, results);

  /** Why the register cannot be read, where the check's results go. */
  const showProblems = (problems: readonly MappingProblem[]): void => {
    results.replaceChildren(mappingProblemList(doc, problems));
  };

  const select = (target: CellTarget): void => {
    void busy(PANE.selecting, () => gateway.select(target));
  };

  const look = async (): Promise<void> => {
    show(await inspectWorkbook(gateway));
  };

  const show = (inspection: WorkbookInspection): void => {
    if (inspection.kind === "adopted") screen.replaceChildren(...adoptedScreen(doc, inspection, { gateway, today: options.today, downloads: options.downloads, panel, runCheck, review, showProblems }));
    else if (inspection.kind === "blank") showBlank();
    else showAdopt(inspection.draft, inspection.problems, inspection.sheets, inspection.grids);
  };

  /** The adopted mapping, to correct: the same screen as the first adoption. */
  const review = async (): Promise<void> => {
    const inspection = await inspectWorkbook(gateway);
    if (inspection.kind === "blank") showBlank();
    else if (inspection.kind === "toAdopt") showAdopt(inspection.draft, inspection.problems, inspection.sheets, inspection.grids);
    else showAdopt(draftFromMapping(inspection.mapping, inspection.grids), [], inspection.sheets, inspection.grids);
  };

  const showBlank = (): void => {
    screen.replaceChildren(
      el(doc, "h2", { text: PANE.blank.title }),
      el(doc, "p", { text: PANE.blank.text }),
      el(doc, "div", { className: "actions" }, [button(PANE.blank.create, "primary", () => void busy(PANE.creating, create), "creer")]),
    );
  };

  const create = async (): Promise<void> => {
    const result = await setUpRegister(gateway);
    if (!result.ok) throw new Error(result.problems.map(mappingProblemMessage).join(" "));
    await look();
    // The formulas read back with an error value (#NAME? in an Excel that knows the functions under other names): said.
    if (result.formulaErrors.length > 0) {
      panel.showError(SETUP.formulaErrors(result.formulaErrors, result.displayLanguage));
    }
  };

  const showAdopt = (draft: MappingDraft, problems: readonly MappingProblem[], sheets: readonly string[], grids: readonly SheetGrid[]): void => {
    const editor = mappingEditor(doc, draft, sheets, grids);
    const problemList = el(doc, "div", { className: "problems" });
    const setProblems = (list: readonly MappingProblem[]): void => {
      problemList.replaceChildren(
        ...(list.length === 0
          ? []
          : [
              el(doc, "h3", { text: PANE.adopt.problemsTitle }),
              el(doc, "ul", {}, list.map((p) => el(doc, "li", { text: mappingProblemMessage(p) }))),
            ]),
      );
    };
    const confirm = async (): Promise<string | void> => {
      const result = await adoptRegister(gateway, editor.current());
      if (!result.ok) {
        setProblems(result.problems);
        return;
      }
      await look();
      return PANE.adopt.saved;
    };
    setProblems(problems);
    screen.replaceChildren(
      el(doc, "h2", { text: PANE.adopt.title }),
      el(doc, "p", { className: "intro-text", text: PANE.adopt.intro }),
      problemList,
      editor.element,
      el(doc, "div", { className: "actions" }, [
        button(PANE.adopt.confirm, "primary", () => void busy(PANE.saving, confirm), "confirmer"),
        button(PANE.adopt.create, "secondary", () => void busy(PANE.creating, create), "creer"),
      ]),
    );
  };

  const runCheck = async (): Promise<void> => {
    const asOf = options.today();
    const outcome = await checkAndAnnotate(gateway, asOf, { progress: (step) => say(PANE.steps[step], true) });
    if (outcome.ok) results.replaceChildren(...resultsList(doc, outcome, asOf, { select, button }));
    else showProblems(outcome.problems);
  };

  const ready = busy(PANE.steps.reading, look);
  return { ready };
}
