/**
 * The "Registre" tab of the task pane: adopt the register (review the mapping), or set up a new
 * one; check it and list what is late, grouped by convention, each finding a button that selects
 * its row. The pane reaches the workbook only through the gateway and the register's actions;
 * text from the workbook is only ever set as text.
 */
import { CalendarDate } from "../core/dates/calendarDate";
import { FINDING_SEVERITY, Finding } from "../core/check/findings";
import { MappingDraft, chooseField, chooseSheet, draftFromMapping } from "../core/register/mappingDraft";
import { ALERTS_SHEET } from "../plans/ownedSheets";
import { MappingProblem } from "../core/register/registerMapping";
import { TABLE_KEYS, TableKey, tableFields } from "../core/register/registerSchema";
import { SheetGrid, columnIndex } from "../core/cells/sheetGrid";
import { CellTarget, WorkbookGateway } from "../excel/gateway";
import { CheckOutcome, WorkbookInspection, adoptRegister, checkAndAnnotate, exportDeadlines, inspectWorkbook, setUpRegister } from "../actions/registerActions";
import { STATUS_LABELS, formatDateFr } from "../i18n/fr";
import { EXPORT, PANE } from "../i18n/pane.fr";
import { SEVERITY_LABELS, cellPlace, findingMessage, mappingProblemMessage } from "../i18n/register.fr";
import { actionPanel, mappingProblemList } from "./actionPanel";
import { custom, el } from "./dom";

export interface RegisterPaneOptions {
  readonly gateway: WorkbookGateway;
  /** Today's date (src/runtime/today.ts): the date of the check. */
  readonly today: () => CalendarDate;
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
  const { body, say, busy, button } = actionPanel(container, "registre");
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
    const inspection = await inspectWorkbook(gateway);
    show(inspection);
  };

  const show = (inspection: WorkbookInspection): void => {
    if (inspection.kind === "adopted") showAdopted(inspection);
    else if (inspection.kind === "blank") showBlank();
    else showAdopt(inspection.draft, inspection.problems, inspection.sheets, inspection.grids);
  };

  const showAdopted = (inspection: Extract<WorkbookInspection, { kind: "adopted" }>): void => {
    screen.replaceChildren(
      el(doc, "h2", { text: PANE.adopted.title }),
      el(doc, "p", { className: "summary", text: PANE.adopted.summary(inspection.conventions.length, inspection.mapping.conventions.sheet) }),
      el(doc, "div", { className: "actions" }, [
        button(PANE.adopted.check, "primary", () => void busy(PANE.steps.checking, runCheck), "verifier"),
        button(PANE.adopted.review, "secondary", () => void busy(PANE.steps.reading, review), "revoir"),
        button(EXPORT.button, "secondary", () => void busy(EXPORT.working, exportCalendar), "exporter"),
      ]),
      download,
    );
  };

  /** "Exporter les échéances": an .ics file to download, made from the register at today's date. */
  const download = el(doc, "p", { className: "download", id: "export-echeances" });
  let downloadUrl: string | null = null;
  const exportCalendar = async (): Promise<string | void> => {
    const outcome = await exportDeadlines(gateway, options.today());
    if (!outcome.ok) {
      showProblems(outcome.problems);
      return;
    }
    if (downloadUrl !== null) URL.revokeObjectURL(downloadUrl);
    downloadUrl = URL.createObjectURL(new Blob([outcome.ics], { type: "text/calendar;charset=utf-8" }));
    download.replaceChildren(el(doc, "a", { text: EXPORT.download, attributes: { href: downloadUrl, download: EXPORT.fileName } }));
    return EXPORT.ready(outcome.events);
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
  };

  const showAdopt = (draft: MappingDraft, problems: readonly MappingProblem[], sheets: readonly string[], grids: readonly SheetGrid[]): void => {
    let current = draft;
    const openTables = new Set<TableKey>();
    const editor = el(doc, "div", { className: "mapping" });
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
    const render = (focusId?: string): void => {
      editor.replaceChildren(...TABLE_KEYS.map((table) => tableFieldset(table)));
      if (focusId !== undefined) doc.getElementById(focusId)?.focus();
    };
    const tableFieldset = (table: TableKey): HTMLElement => {
      const choice = current[table];
      const sheetId = `feuille-${table}`;
      const rowId = `ligne-${table}`;
      const sheetSelect = el(doc, "select", { id: sheetId }, [
        ...(table === "conventions" && choice !== null ? [] : [el(doc, "option", { text: PANE.adopt.noSheet, attributes: { value: "" } })]),
        ...sheets.map((name) => el(doc, "option", { text: name, attributes: { value: name } })),
      ]);
      sheetSelect.value = choice?.sheet ?? "";
      sheetSelect.addEventListener("change", () => {
        current = chooseSheet(current, table, grids, sheetSelect.value === "" ? null : sheetSelect.value, choice?.headerRow ?? 1);
        render(sheetId);
      });
      const parts: HTMLElement[] = [
        el(doc, "legend", { text: PANE.adopt.tableTitles[table] }),
        el(doc, "div", { className: "field-row" }, [el(doc, "label", { text: PANE.adopt.sheet, attributes: { for: sheetId } }), sheetSelect]),
      ];
      if (choice !== null) {
        const rowInput = el(doc, "input", { id: rowId, attributes: { type: "number", min: "1", max: "300", value: String(choice.headerRow), inputmode: "numeric" } });
        rowInput.addEventListener("change", () => {
          const row = Number(rowInput.value);
          if (Number.isInteger(row) && row >= 1) {
            current = chooseSheet(current, table, grids, choice.sheet, row);
            render(rowId);
          }
        });
        parts.push(el(doc, "div", { className: "field-row" }, [el(doc, "label", { text: PANE.adopt.headerRow, attributes: { for: rowId } }), rowInput]));
        if (choice.columns.length === 0) parts.push(el(doc, "p", { className: "muted", text: PANE.adopt.noColumns }));
        const fields = tableFields(table);
        parts.push(
          el(
            doc,
            "ul",
            { className: "columns" },
            choice.columns.map((column) => {
              const id = `colonne-${table}-${column.index}`;
              const fieldSelect = el(doc, "select", { id }, [
                el(doc, "option", { text: PANE.adopt.ignored, attributes: { value: "" } }),
                ...fields.map((f) => el(doc, "option", { text: `${f.label}${f.required === true ? PANE.adopt.required : ""}`, attributes: { value: f.key } })),
              ]);
              fieldSelect.value = column.field ?? "";
              fieldSelect.addEventListener("change", () => {
                current = chooseField(current, table, column.index, fieldSelect.value === "" ? null : fieldSelect.value);
                render(id);
              });
              return el(doc, "li", { className: column.field === null ? "column is-ignored" : "column" }, [
                el(doc, "label", { text: PANE.adopt.column(column.letter, column.header), attributes: { for: id } }),
                fieldSelect,
              ]);
            }),
          ),
        );
      }
      const fieldset = el(doc, "fieldset", { className: "table-choice" }, parts);
      if (table === "conventions") return fieldset;
      // The other tables are folded, their summary saying what was found: one click to correct them.
      const details = el(doc, "details", { className: "table-details", id: `tableau-${table}` }, [
        el(doc, "summary", { text: PANE.adopt.tableSummary(PANE.adopt.tableTitles[table], choice?.sheet ?? null, choice?.columns.filter((c) => c.field !== null).length ?? 0) }),
        fieldset,
      ]);
      details.open = openTables.has(table);
      details.addEventListener("toggle", () => (details.open ? openTables.add(table) : openTables.delete(table)));
      return details;
    };
    const confirm = async (): Promise<string | void> => {
      const result = await adoptRegister(gateway, current);
      if (!result.ok) {
        setProblems(result.problems);
        return;
      }
      await look();
      return PANE.adopt.saved;
    };
    setProblems(problems);
    render();
    screen.replaceChildren(
      el(doc, "h2", { text: PANE.adopt.title }),
      el(doc, "p", { className: "intro-text", text: PANE.adopt.intro }),
      problemList,
      editor,
      el(doc, "div", { className: "actions" }, [
        button(PANE.adopt.confirm, "primary", () => void busy(PANE.saving, confirm), "confirmer"),
        button(PANE.adopt.create, "secondary", () => void busy(PANE.creating, create), "creer"),
      ]),
    );
  };

  const runCheck = async (): Promise<void> => {
    const asOf = options.today();
    const outcome = await checkAndAnnotate(gateway, asOf, { progress: (step) => say(PANE.steps[step], true) });
    showResults(outcome, asOf);
  };

  const showResults = (outcome: CheckOutcome, asOf: CalendarDate): void => {
    if (!outcome.ok) {
      showProblems(outcome.problems);
      return;
    }
    const { late, soon, data } = outcome.bySeverity;
    const sections = outcome.grouped.sections.filter((s) => s.findings.length > 0);
    results.replaceChildren(
      el(doc, "h2", { id: "alertes-titre", text: PANE.results.title }),
      el(doc, "p", { className: "counts", text: PANE.results.counts(late, soon, data) }),
      el(doc, "p", { className: "muted", text: PANE.results.checkedOn(formatDateFr(asOf)) }),
      ...(outcome.keptCells.length > 0 ? [el(doc, "p", { className: "muted", text: PANE.results.kept(outcome.keptCells.length) })] : []),
      el(doc, "div", { className: "actions" }, [button(PANE.results.openSheet, "secondary", () => select({ sheet: ALERTS_SHEET, row: 4, column: 0 }), "ouvrir-alertes")]),
      ...sections.map((section) => {
        const id = `conv-${section.summary.id.replace(/[^\p{L}\p{N}_-]/gu, "_")}`;
        const status = section.summary.status === null ? null : STATUS_LABELS[section.summary.status];
        return el(doc, "section", { className: "convention", attributes: { "aria-labelledby": id } }, [
          el(doc, "h3", { id }, [
            el(doc, "span", { className: "reference", text: section.summary.id }),
            ...(status === null ? [] : [" ", custom(doc, "fluent-badge", { text: status, attributes: { appearance: "tint", color: "informative" } })]),
          ]),
          ...(section.summary.title === null ? [] : [el(doc, "p", { className: "convention-title", text: section.summary.title })]),
          findingList(section.findings),
        ]);
      }),
      ...(outcome.grouped.orphans.length === 0
        ? []
        : [el(doc, "section", { className: "convention" }, [el(doc, "h3", { text: PANE.results.orphans }), findingList(outcome.grouped.orphans)])]),
    );
  };

  const findingList = (findings: readonly Finding[]): HTMLElement =>
    el(
      doc,
      "ul",
      { className: "findings" },
      findings.map((finding) => {
        const severity = FINDING_SEVERITY[finding.code];
        const place = finding.location === undefined ? null : cellPlace(finding.location);
        const content = [
          el(doc, "span", { className: `severity severity-${severity}`, text: SEVERITY_LABELS[severity] }),
          el(doc, "span", { className: "message", text: findingMessage(finding) }),
          ...(place === null ? [] : [el(doc, "span", { className: "place", text: place })]),
        ];
        const location = finding.location;
        if (location === undefined) return el(doc, "li", { className: `finding finding-${severity}` }, content);
        const target = el(doc, "button", { className: `finding finding-${severity}`, attributes: { type: "button", title: PANE.results.goTo(place ?? "") } }, content);
        target.addEventListener("click", () => select({ sheet: location.sheet, row: location.row - 1, column: location.column === undefined ? 0 : (columnIndex(location.column) ?? 0) }));
        return el(doc, "li", {}, [target]);
      }),
    );

  const ready = busy(PANE.steps.reading, look);
  return { ready };
}
