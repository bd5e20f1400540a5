/**
 * The mapping under review: for each table its sheet, its header row and the field each header
 * column holds, every choice a labelled control; the conventions table open, the others folded
 * with a summary of what was found. The draft changes only through the core's mappingDraft.
 */
import { MappingDraft, chooseField, chooseSheet } from "../../core/register/mappingDraft";
import { TABLE_KEYS, TableKey, tableFields } from "../../core/register/registerSchema";
import { SheetGrid } from "../../core/cells/sheetGrid";
import { PANE } from "../../i18n/pane.fr";
import { el } from "../dom";

export interface MappingEditor {
  readonly element: HTMLElement;
  /** The draft as the user has corrected it so far. */
  readonly current: () => MappingDraft;
}

/**
 * The editor of a draft over the workbook's sheets.
 * @example mappingEditor(document, draft, ["Conventions", "Comités"], grids).element
 */
export function mappingEditor(doc: Document, draft: MappingDraft, sheets: readonly string[], grids: readonly SheetGrid[]): MappingEditor {
  let current = draft;
  const openTables = new Set<TableKey>();
  const element = el(doc, "div", { className: "mapping" });

  const render = (focusId?: string): void => {
    element.replaceChildren(...TABLE_KEYS.map((table) => tableFieldset(table)));
    if (focusId !== undefined) doc.getElementById(focusId)?.focus();
  };

  const sheetRow = (table: TableKey): HTMLElement => {
    const choice = current[table];
    const id = `feuille-${table}`;
    const select = el(doc, "select", { id }, [
      ...(table === "conventions" && choice !== null ? [] : [el(doc, "option", { text: PANE.adopt.noSheet, attributes: { value: "" } })]),
      ...sheets.map((name) => el(doc, "option", { text: name, attributes: { value: name } })),
    ]);
    select.value = choice?.sheet ?? "";
    select.addEventListener("change", () => {
      current = chooseSheet(current, table, grids, select.value === "" ? null : select.value, choice?.headerRow ?? 1);
      render(id);
    });
    return el(doc, "div", { className: "field-row" }, [el(doc, "label", { text: PANE.adopt.sheet, attributes: { for: id } }), select]);
  };

  const headerRow = (table: TableKey, sheet: string, row: number): HTMLElement => {
    const id = `ligne-${table}`;
    const input = el(doc, "input", { id, attributes: { type: "number", min: "1", max: "300", value: String(row), inputmode: "numeric" } });
    input.addEventListener("change", () => {
      const chosen = Number(input.value);
      if (Number.isInteger(chosen) && chosen >= 1) {
        current = chooseSheet(current, table, grids, sheet, chosen);
        render(id);
      }
    });
    return el(doc, "div", { className: "field-row" }, [el(doc, "label", { text: PANE.adopt.headerRow, attributes: { for: id } }), input]);
  };

  const columnList = (table: TableKey): HTMLElement => {
    const fields = tableFields(table);
    return el(
      doc,
      "ul",
      { className: "columns" },
      (current[table]?.columns ?? []).map((column) => {
        const id = `colonne-${table}-${column.index}`;
        const select = el(doc, "select", { id }, [
          el(doc, "option", { text: PANE.adopt.ignored, attributes: { value: "" } }),
          ...fields.map((f) => el(doc, "option", { text: `${f.label}${f.required === true ? PANE.adopt.required : ""}`, attributes: { value: f.key } })),
        ]);
        select.value = column.field ?? "";
        select.addEventListener("change", () => {
          current = chooseField(current, table, column.index, select.value === "" ? null : select.value);
          render(id);
        });
        return el(doc, "li", { className: column.field === null ? "column is-ignored" : "column" }, [
          el(doc, "label", { text: PANE.adopt.column(column.letter, column.header), attributes: { for: id } }),
          select,
        ]);
      }),
    );
  };

  const tableFieldset = (table: TableKey): HTMLElement => {
    const choice = current[table];
    const parts: HTMLElement[] = [el(doc, "legend", { text: PANE.adopt.tableTitles[table] }), sheetRow(table)];
    if (choice !== null) {
      parts.push(headerRow(table, choice.sheet, choice.headerRow));
      if (choice.columns.length === 0) parts.push(el(doc, "p", { className: "muted", text: PANE.adopt.noColumns }));
      parts.push(columnList(table));
    }
    const fieldset = el(doc, "fieldset", { className: "table-choice" }, parts);
    if (table === "conventions") return fieldset;
    // The other tables are folded, their summary saying what was found: one click to correct them.
    const found = choice?.columns.filter((c) => c.field !== null).length ?? 0;
    const details = el(doc, "details", { className: "table-details", id: `tableau-${table}` }, [
      el(doc, "summary", { text: PANE.adopt.tableSummary(PANE.adopt.tableTitles[table], choice?.sheet ?? null, found) }),
      fieldset,
    ]);
    details.open = openTables.has(table);
    details.addEventListener("toggle", () => (details.open ? openTables.add(table) : openTables.delete(table)));
    return details;
  };

  render();
  return { element, current: () => current };
}
