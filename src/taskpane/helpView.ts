/**
 * The "Fonctions du registre" section of the task pane: a searchable list of the CONV functions,
 * each with its syntax, arguments and examples. Text always goes in through textContent.
 */
import { el } from "./dom";
import { FunctionHelp, functionHelp, matchesQuery } from "./functionHelp";

/** Copies text to the clipboard; where the clipboard is refused, selects it for Ctrl+C instead. */
async function copyText(text: string, source: HTMLElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const selection = source.ownerDocument.getSelection();
    if (selection !== null) {
      const range = source.ownerDocument.createRange();
      range.selectNodeContents(source);
      selection.removeAllRanges();
      selection.addRange(range);
    }
    return false;
  }
}

/** A formula in a <code>, with line-break opportunities after "(" and each ";" for a narrow pane. */
function formulaCode(doc: Document, formula: string): HTMLElement {
  const pieces = formula.split(/(?<=[(;])/);
  return el(doc, "code", { className: "formula" }, pieces.flatMap((piece, i) => (i === 0 ? [piece] : [doc.createElement("wbr"), piece])));
}

function renderExample(doc: Document, help: FunctionHelp, index: number, announce: (message: string) => void): HTMLLIElement {
  const example = help.examples[index];
  const formula = formulaCode(doc, example.formula);
  const copy = el(doc, "button", {
    className: "copy",
    text: "Copier",
    attributes: { type: "button", "aria-label": `Copier la formule ${example.formula}` },
  });
  copy.addEventListener("click", () => {
    void copyText(example.formula, formula).then((copied) =>
      announce(copied ? `Formule copiée : ${example.formula}` : "Copie refusée ici : la formule est sélectionnée, copiez-la avec Ctrl+C."),
    );
  });
  return el(doc, "li", { className: "example" }, [
    el(doc, "div", { className: "example-formula" }, [formula, copy]),
    el(doc, "p", { className: "example-result" }, ["Résultat : ", el(doc, "strong", { text: example.result })]),
    ...example.ranges.map((range) => el(doc, "p", { className: "example-range", text: `Plage ${range}` })),
    el(doc, "p", { className: "example-note", text: example.note }),
  ]);
}

function renderFunction(doc: Document, help: FunctionHelp, announce: (message: string) => void): HTMLLIElement {
  const titleId = `fn-${help.id}-titre`;
  const parameters = el(
    doc,
    "dl",
    { className: "parameters" },
    help.parameters.flatMap((p) => [
      el(doc, "dt", {}, [el(doc, "code", { text: p.name }), ...(p.optional ? [el(doc, "span", { className: "optional", text: " facultatif" })] : [])]),
      el(doc, "dd", { text: p.description }),
    ]),
  );
  const details = el(doc, "details", { className: "function", id: `fn-${help.id}` }, [
    el(doc, "summary", {}, [
      el(doc, "h2", { className: "function-name", id: titleId, text: help.name }),
      el(doc, "span", { className: "function-summary", text: help.description }),
    ]),
    el(doc, "div", { className: "function-body" }, [
      el(doc, "p", { className: "label", text: "Syntaxe" }),
      el(doc, "pre", { className: "syntax" }, [formulaCode(doc, help.syntax)]),
      el(doc, "p", { className: "english", text: `Dans un Excel en anglais : ${help.englishName}` }),
      el(doc, "h3", { text: "Arguments" }),
      parameters,
      el(doc, "h3", { text: "Résultat" }),
      el(doc, "p", { className: "result", text: help.result }),
      el(doc, "h3", { text: help.examples.length > 1 ? "Exemples" : "Exemple" }),
      el(doc, "ul", { className: "examples" }, help.examples.map((_, index) => renderExample(doc, help, index, announce))),
    ]),
  ]);
  return el(doc, "li", {}, [details]);
}

/**
 * Builds the section inside `container` and wires its search box. Returns the list of functions
 * shown, for the caller's tests and for later sections.
 */
export function mountFunctionHelp(container: HTMLElement, functions: readonly FunctionHelp[] = functionHelp()): readonly FunctionHelp[] {
  const doc = container.ownerDocument;
  const status = el(doc, "p", { className: "status", id: "aide-statut", attributes: { role: "status", "aria-live": "polite" } });
  const announce = (message: string): void => {
    status.textContent = message;
  };

  const search = el(doc, "input", {
    id: "aide-recherche",
    attributes: {
      type: "search",
      autocomplete: "off",
      spellcheck: "false",
      placeholder: "recours, comité, semestre…",
      "aria-controls": "aide-liste",
      "aria-describedby": "aide-statut",
    },
  });
  const toggle = el(doc, "button", { className: "secondary", text: "Tout déplier", attributes: { type: "button", "aria-controls": "aide-liste" } });
  const items = functions.map((help) => ({ help, item: renderFunction(doc, help, announce) }));
  const list = el(doc, "ol", { className: "functions", id: "aide-liste" }, items.map(({ item }) => item));

  const allDetails = (): HTMLDetailsElement[] => items.map(({ item }) => item.querySelector("details")).filter((d): d is HTMLDetailsElement => d !== null);
  const countLabel = (count: number): string =>
    count === 0 ? "Aucune fonction ne correspond." : count === 1 ? "1 fonction" : `${count} fonctions`;

  const applySearch = (): void => {
    const query = search.value;
    let shown = 0;
    for (const { help, item } of items) {
      const match = matchesQuery(help, query);
      item.hidden = !match;
      if (match) shown += 1;
      const details = item.querySelector("details");
      if (details !== null && query.trim() !== "") details.open = match && shown <= 3;
    }
    announce(countLabel(shown));
  };
  search.addEventListener("input", applySearch);
  search.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && search.value !== "") {
      search.value = "";
      applySearch();
    }
  });
  const syncToggle = (): void => {
    toggle.textContent = allDetails().every((details) => details.open) ? "Tout replier" : "Tout déplier";
  };
  toggle.addEventListener("click", () => {
    const open = !allDetails().every((details) => details.open);
    for (const details of allDetails()) details.open = open;
    syncToggle();
  });
  for (const details of allDetails()) details.addEventListener("toggle", syncToggle);

  container.replaceChildren(
    el(doc, "div", { className: "search" }, [
      el(doc, "label", { text: "Rechercher une fonction", attributes: { for: "aide-recherche" } }),
      el(doc, "div", { className: "search-row" }, [search, toggle]),
    ]),
    status,
    list,
  );
  announce(countLabel(functions.length));
  openFromAddress(doc, items.map(({ item }) => item));
  return functions;
}

/** A link to one function (taskpane.html#fn-APPEAL_DEADLINE) opens it and brings it into view. */
function openFromAddress(doc: Document, items: readonly HTMLLIElement[]): void {
  const id = doc.defaultView?.location.hash.slice(1) ?? "";
  if (id === "") return;
  const details = items.map((item) => item.querySelector("details")).find((d) => d !== null && d.id === id);
  if (details === undefined || details === null) return;
  details.open = true;
  details.scrollIntoView();
}
