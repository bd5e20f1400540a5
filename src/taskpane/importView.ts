/**
 * The "Importer" tab: a deliberation's PDF dropped or chosen (its text layer read in the page:
 * pdfInput.ts) or its text pasted in, what the rules read from it shown with the
 * passage each value comes from and how sure the reading is, then the register row and its
 * échéances as editable values. Nothing is written before "Ajouter au registre"; the rows then go
 * below the register's tables, in the user's columns (src/plans/appendRowsPlan.ts).
 */
import { NewRow } from "../plans/appendRowsPlan";
import { DELIBERATION_FIELDS, DeliberationExtraction, extractDeliberation, hasAnyField } from "../core/deliberation/extractDeliberation";
import { deliberationRows, suggestReference } from "../core/deliberation/deliberationRows";
import { serialToDate } from "../core/dates/excelSerial";
import { TableKey, tableFields } from "../core/register/registerSchema";
import { CellValue, isCellError } from "../core/cells/sheetGrid";
import { WorkbookGateway } from "../excel/gateway";
import { appendImportedRows } from "../actions/registerActions";
import { CONFIDENCE_LABELS, DELIBERATION_FIELD_LABELS, describeExtractedValue, extractionNoteMessage, otherPassages } from "../i18n/deliberation.fr";
import { formatDateFr } from "../i18n/fr";
import { IMPORT, appendProblemMessage } from "../i18n/pane.fr";
import { mappingProblemMessage } from "../i18n/register.fr";
import { actionPanel } from "./actionPanel";
import { pdfInput } from "./pdfInput";
import { custom, el } from "./dom";

export interface ImportPaneOptions {
  readonly gateway: WorkbookGateway;
}

/** A proposed value as the user reads and edits it: dates as jj/mm/aaaa. */
function shown(table: TableKey, key: string, value: CellValue): string {
  if (value === null || isCellError(value)) return "";
  const kind = tableFields(table).find((f) => f.key === key)?.kind;
  if (kind === "date" && typeof value === "number") {
    const date = serialToDate(value);
    return date.ok ? formatDateFr(date.value) : String(value);
  }
  return String(value);
}

/** Inputs of one row: field → input, with the value proposed (kept as it was when the text is not changed). */
interface RowInputs {
  readonly table: TableKey;
  readonly inputs: ReadonlyMap<string, { input: HTMLInputElement; proposed: CellValue }>;
}

function rowValues(row: RowInputs): NewRow {
  const values: Record<string, CellValue> = {};
  for (const [key, { input, proposed }] of row.inputs) {
    const text = input.value.trim();
    values[key] = text === shown(row.table, key, proposed) ? proposed : text === "" ? null : text;
  }
  return values;
}

/**
 * Mounts the tab in `container`.
 * @example mountImportPane(document.getElementById("importer")!, { gateway: new OfficeWorkbook() })
 */
export function mountImportPane(container: HTMLElement, options: ImportPaneOptions): void {
  const doc = container.ownerDocument;
  const panel = actionPanel(container, "import");
  const { body, busy, button, showError } = panel;
  const textarea = el(doc, "textarea", { id: "deliberation-texte", attributes: { rows: "10", spellcheck: "false" } });
  const review = el(doc, "div", { className: "review", id: "import-revue" });
  const result = el(doc, "div", { className: "import-result", id: "import-resultat" });
  body.replaceChildren(
    el(doc, "h2", { text: IMPORT.title }),
    el(doc, "p", { className: "intro-text", text: IMPORT.intro }),
    pdfInput(doc, {
      panel,
      dropTarget: container,
      onText: async (text) => {
        textarea.value = text;
        await analyse();
      },
    }),
    el(doc, "label", { className: "block-label", text: IMPORT.textLabel, attributes: { for: "deliberation-texte" } }),
    textarea,
    el(doc, "div", { className: "actions" }, [button(IMPORT.analyse, "primary", () => void busy(IMPORT.analysing, analyse), "analyser")]),
    review,
    result,
  );

  const analyse = async (): Promise<void> => {
    result.replaceChildren();
    if (textarea.value.trim() === "") {
      review.replaceChildren();
      showError(IMPORT.empty);
      return;
    }
    const extraction = extractDeliberation(textarea.value);
    if (!hasAnyField(extraction)) {
      review.replaceChildren();
      showError(IMPORT.nothingFound);
      return;
    }
    showReview(extraction);
  };

  const field = (table: TableKey, key: string, label: string, proposed: CellValue, id: string): { row: HTMLElement; input: HTMLInputElement } => {
    const input = el(doc, "input", { id, attributes: { type: "text", autocomplete: "off" } });
    input.value = shown(table, key, proposed);
    return { row: el(doc, "div", { className: "edit-row" }, [el(doc, "label", { text: label, attributes: { for: id } }), input]), input };
  };

  const rowForm = (table: TableKey, values: Readonly<Record<string, CellValue>>, prefix: string): { element: HTMLElement; inputs: RowInputs } => {
    const inputs = new Map<string, { input: HTMLInputElement; proposed: CellValue }>();
    const rows = tableFields(table)
      .filter((f) => table === "conventions" || f.key !== "conventionId")
      .map((f) => {
        const made = field(table, f.key, f.label, values[f.key] ?? null, `${prefix}-${f.key}`);
        inputs.set(f.key, { input: made.input, proposed: values[f.key] ?? null });
        return made.row;
      });
    return { element: el(doc, "div", { className: "edit-rows" }, rows), inputs: { table, inputs } };
  };

  const showReview = (extraction: DeliberationExtraction): void => {
    const proposed = deliberationRows(extraction, { reference: suggestReference(extraction) });
    const read = el(
      doc,
      "dl",
      { className: "extraction" },
      DELIBERATION_FIELDS.flatMap((key) => {
        const value = extraction[key];
        return [
          el(doc, "dt", {}, [
            DELIBERATION_FIELD_LABELS[key],
            " ",
            custom(doc, "fluent-badge", { text: CONFIDENCE_LABELS[value.confidence], attributes: { appearance: "tint", color: value.confidence === "high" ? "success" : value.confidence === "medium" ? "warning" : "danger" } }),
          ]),
          el(doc, "dd", {}, [
            el(doc, "span", { className: "value", text: describeExtractedValue(extraction, key) }),
            ...(value.sentence === null ? [] : [el(doc, "q", { className: "sentence", text: value.sentence })]),
            ...value.notes.flatMap((note) => [
              el(doc, "span", { className: "note-line", text: extractionNoteMessage(key, note) }),
              // The other passages that give another value, quoted too: both can be checked.
              ...otherPassages(key, note).map((other) =>
                el(doc, "span", { className: "other-passage" }, [`${other.value} : `, el(doc, "q", { className: "sentence", text: other.sentence })]),
              ),
            ]),
          ]),
        ];
      }),
    );
    const others = [...extraction.recurring, ...extraction.milestones].filter((x) => x.value !== null);
    const conventionForm = rowForm("conventions", proposed.conventions, "import-convention");
    const deadlineForms = proposed.deadlines.map((values, i) => ({ index: i + 1, ...rowForm("deadlines", values, `import-echeance-${i + 1}`) }));
    const append = async (): Promise<string | void> => {
      const rows = { conventions: rowValues(conventionForm.inputs), deadlines: deadlineForms.map((form) => rowValues(form.inputs)) };
      const outcome = await appendImportedRows(options.gateway, rows);
      if (!outcome.ok) {
        showError([...outcome.mappingProblems.map(mappingProblemMessage), ...outcome.problems.map(appendProblemMessage)].join(" "));
        return;
      }
      const convention = outcome.placed.find((p) => p.table === "conventions");
      const deadlines = outcome.placed.filter((p) => p.table === "deadlines").length;
      const reference = String(rows.conventions.id ?? "");
      result.replaceChildren(
        el(doc, "p", { className: "success", text: convention === undefined ? "" : IMPORT.added(reference, convention.sheet, convention.row, deadlines) }),
        ...(outcome.deadlinesLeftOut > 0 ? [el(doc, "p", { className: "muted", text: IMPORT.deadlinesLeftOut(outcome.deadlinesLeftOut) })] : []),
        ...(convention === undefined
          ? []
          : [
              el(doc, "div", { className: "actions" }, [
                button(IMPORT.goTo, "secondary", () => void busy(IMPORT.goTo, () => options.gateway.select({ sheet: convention.sheet, row: convention.row - 1, column: 0 })), "voir-ligne"),
              ]),
            ]),
      );
      return convention === undefined ? undefined : IMPORT.added(reference, convention.sheet, convention.row, deadlines);
    };
    review.replaceChildren(
      el(doc, "h3", { text: IMPORT.readTitle }),
      read,
      ...(others.length === 0
        ? []
        : [
            el(doc, "h3", { text: IMPORT.recurringTitle }),
            el(doc, "ul", { className: "obligations" }, others.map((x) => el(doc, "li", { text: x.sentence ?? "" }))),
          ]),
      el(doc, "h3", { text: IMPORT.rowTitle }),
      el(doc, "p", { className: "muted", text: IMPORT.rowIntro }),
      conventionForm.element,
      el(doc, "h3", { text: IMPORT.deadlinesTitle(deadlineForms.length) }),
      ...deadlineForms.map((form) => el(doc, "fieldset", { className: "table-choice" }, [el(doc, "legend", { text: IMPORT.deadline(form.index) }), form.element])),
      el(doc, "div", { className: "actions" }, [button(IMPORT.append, "primary", () => void busy(IMPORT.appending, append), "ajouter")]),
    );
  };
}
