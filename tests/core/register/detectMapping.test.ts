import { detectMapping, parseExplicitMapping } from "../../../src/core/register/detectMapping";
import { MappingResult, RegisterMapping, TableMapping } from "../../../src/core/register/registerMapping";
import { CellValue, SheetGrid } from "../../../src/core/cells/sheetGrid";

function sheet(name: string, values: CellValue[][]): SheetGrid {
  return { name, values };
}

function mapped(result: MappingResult): RegisterMapping {
  if (!result.ok) throw new Error(`expected a mapping, got ${JSON.stringify(result.problems)}`);
  return result.mapping;
}

/** field → "letter:header", to read a mapping at a glance. */
function columnsOf(table: TableMapping | null): Record<string, string> {
  if (table === null) return {};
  return Object.fromEntries(Object.entries(table.columns).map(([k, c]) => [k, `${c.letter}:${c.header}`]));
}

const STANDARD = [
  sheet("Conventions", [
    ["Référence", "Intitulé", "Partenaire", "Date de notification", "Durée", "Date de fin"],
    ["C1", "Partenariat", "TEAM2", 45488, "3 ans", null],
  ]),
  sheet("Comités", [
    ["Référence convention", "Date", "Type", "Compte rendu", "Participants"],
    ["C1", 45568, "Comité de suivi", null, null],
  ]),
  sheet("Échéances", [
    ["Référence convention", "Libellé", "Type", "Délai (mois)", "Fréquence (mois)", "Date limite", "Réalisé le"],
    ["C1", "Pôle innovation", "Jalon", 18, null, null, null],
  ]),
  sheet("Avenants", [
    ["Référence convention", "N°", "Date", "Objet", "Nouvelle durée", "Nouvelle date de fin"],
    ["C1", 1, 46000, "Prolongation", null, 46600],
  ]),
];

describe("detectMapping on the add-in's own layout", () => {
  test("finds the four tables on their sheets, header row 1, every column", () => {
    const m = mapped(detectMapping(STANDARD));
    expect([m.conventions.sheet, m.committees?.sheet, m.deadlines?.sheet, m.amendments?.sheet]).toEqual([
      "Conventions",
      "Comités",
      "Échéances",
      "Avenants",
    ]);
    expect(m.conventions.headerRow).toBe(1);
    expect(columnsOf(m.conventions)).toEqual({
      id: "A:Référence",
      title: "B:Intitulé",
      partner: "C:Partenaire",
      start: "D:Date de notification",
      duration: "E:Durée",
      end: "F:Date de fin",
    });
    expect(columnsOf(m.amendments)).toEqual({
      conventionId: "A:Référence convention",
      number: "B:N°",
      date: "C:Date",
      subject: "D:Objet",
      newDuration: "E:Nouvelle durée",
      newEnd: "F:Nouvelle date de fin",
    });
    expect(m.conventions.origin).toBe("detected");
  });

  test("the tables are found whatever the order of the sheets", () => {
    const m = mapped(detectMapping([...STANDARD].reverse()));
    expect(m.conventions.sheet).toBe("Conventions");
    expect(m.committees?.sheet).toBe("Comités");
    expect(m.amendments?.sheet).toBe("Avenants");
    expect(m.deadlines?.sheet).toBe("Échéances");
  });
});

describe("detectMapping on registers staff already keep", () => {
  test("title rows above the headers, an odd sheet name, their own words, any order, extra columns", () => {
    const m = mapped(
      detectMapping([
        sheet("Notes", [["Penser à relancer la DGS"]]),
        sheet("Suivi 2024 (copie)", [
          ["REGISTRE DES CONVENTIONS DE PARTENARIAT", null, null, null, null, null, null],
          ["Mis à jour le 12/11/2024", null, null, null, null, null, null],
          [null, null, null, null, null, null, null],
          ["Organisme", "Service", "Réf.", "Objet", "Date d'effet", "Durée (ans)", "Échéance", "Montant (€)", "N° de délibération"],
          ["TEAM2", "Dév. éco", "2024-01", "Partenariat", "15/07/2024", 3, null, 0, "2024/BC048"],
        ]),
      ]),
    );
    expect(m.conventions.sheet).toBe("Suivi 2024 (copie)");
    expect(m.conventions.headerRow).toBe(4);
    expect(columnsOf(m.conventions)).toEqual({
      partner: "A:Organisme",
      service: "B:Service",
      id: "C:Réf.",
      title: "D:Objet",
      start: "E:Date d'effet",
      duration: "F:Durée (ans)",
      end: "G:Échéance",
      amount: "H:Montant (€)",
      deliberationNumber: "I:N° de délibération",
    });
    expect(m.conventions.columns.duration?.unit).toBe("years");
    // "Service" is a field since the consolidation of several registers (issue 19), no longer ignored.
    expect(m.conventions.ignored.map((c) => c.header)).toEqual([]);
    expect(m.committees).toBeNull();
    expect(m.deadlines).toBeNull();
    expect(m.amendments).toBeNull();
  });

  test("comité dates kept as repeated columns of the conventions sheet", () => {
    const m = mapped(
      detectMapping([
        sheet("Registre", [
          ["N° convention", "Bénéficiaire", "Date de signature", "Durée", "Comité 1", "Comité 2", "Comité S1 2025", "Prochain comité", "Club T1 2025"],
        ]),
      ]),
    );
    expect(m.conventions.inlineCommittees.map((c) => `${c.letter}:${c.header}:${c.type}`)).toEqual([
      "E:Comité 1:steering",
      "F:Comité 2:steering",
      "G:Comité S1 2025:steering",
      "I:Club T1 2025:club",
    ]);
    expect(m.conventions.ignored.map((c) => c.header)).toEqual(["Prochain comité"]);
  });

  test("the two required columns are enough for the conventions, on any sheet", () => {
    const m = mapped(detectMapping([sheet("Feuil1", [["Réf", "Début"], ["C1", 45488]])]));
    expect(columnsOf(m.conventions)).toEqual({ id: "A:Réf", start: "B:Début" });
  });

  test("a longer header that begins with a known one is recognised", () => {
    const m = mapped(detectMapping([sheet("Conventions", [["Référence", "Date de notification de la convention", "Date de fin prévue"]])]));
    expect(columnsOf(m.conventions)).toEqual({ id: "A:Référence", start: "B:Date de notification de la convention", end: "C:Date de fin prévue" });
  });

  test("an exact header wins its field over a longer one that begins with it", () => {
    const m = mapped(detectMapping([sheet("Conventions", [["Référence", "Date de début de la mission", "Date de début"]])]));
    expect(columnsOf(m.conventions).start).toBe("C:Date de début");
  });

  test("comités and avenants, both a reference and a date, are told apart by their other columns", () => {
    const m = mapped(
      detectMapping([
        sheet("Conventions", [["Référence", "Date de notification", "Durée"]]),
        sheet("Feuil2", [["Convention", "Date", "Objet", "Nouvelle date de fin"]]),
        sheet("Feuil3", [["Convention", "Date de réunion", "Instance", "CR"]]),
      ]),
    );
    expect(m.amendments?.sheet).toBe("Feuil2");
    expect(m.committees?.sheet).toBe("Feuil3");
  });

  test("a sheet with only a reference and a date, and no name saying what it is, is not taken for comités", () => {
    const m = mapped(
      detectMapping([sheet("Conventions", [["Référence", "Date de notification"]]), sheet("Contacts", [["Référence", "Date", "Téléphone"]])]),
    );
    expect(m.committees).toBeNull();
  });
});

describe("detectMapping: what it refuses to guess", () => {
  test("an empty workbook", () => {
    expect(detectMapping([])).toEqual({ ok: false, problems: [{ code: "empty_workbook" }] });
    expect(detectMapping([sheet("Feuil1", [[null, ""]])])).toEqual({ ok: false, problems: [{ code: "empty_workbook" }] });
  });

  test("a workbook with no conventions table names the sheets it read", () => {
    expect(detectMapping([sheet("Budget", [["Compte", "Libellé", "Montant"]]), sheet("Feuil2", [["x"]])])).toEqual({
      ok: false,
      problems: [{ code: "no_conventions_table", sheetsRead: ["Budget", "Feuil2"] }],
    });
  });

  test("a conventions table without its start column: the column is named, with the headers read", () => {
    const result = detectMapping([sheet("Conventions", [["Référence", "Partenaire", "Durée", "Date de fin"]])]);
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          code: "missing_column",
          table: "conventions",
          sheet: "Conventions",
          field: "Date de notification",
          headersRead: ["Référence", "Partenaire", "Durée", "Date de fin"],
        },
      ],
    });
  });

  test("a sheet named for comités without a date column is an error, not a table left out", () => {
    const result = detectMapping([sheet("Conventions", [["Référence", "Date de notification"]]), sheet("Comités 2025", [["Convention", "Type", "Participants"]])]);
    expect(result).toMatchObject({ ok: false, problems: [{ code: "missing_column", table: "committees", sheet: "Comités 2025", field: "Date" }] });
  });
});

describe("an explicit mapping overrides the guess", () => {
  const grids = [
    sheet("Suivi", [
      ["Tableau de bord"],
      ["Code interne", "Signée le", "Durée", "Fin", "Titre court"],
      ["C1", 45488, 36, null, "TEAM2"],
    ]),
  ];

  test("without it, 'Code interne' and 'Signée le' are not recognised", () => {
    expect(detectMapping(grids).ok).toBe(false);
  });

  test("by header text or by column letters, French field labels or keys", () => {
    const parsed = parseExplicitMapping({
      Conventions: { feuille: "suivi", ligne: 2, colonnes: { "Référence": "Code interne", start: "B", Intitulé: "titre court" } },
      "Comités": null,
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const m = mapped(detectMapping(grids, parsed.value));
    expect(m.conventions.origin).toBe("explicit");
    expect(m.conventions.sheet).toBe("Suivi");
    expect(m.conventions.headerRow).toBe(2);
    expect(columnsOf(m.conventions)).toEqual({ id: "A:Code interne", start: "B:Signée le", duration: "C:Durée", end: "D:Fin", title: "E:Titre court" });
    expect(m.committees).toBeNull();
  });

  test("the header row is found when the file names only the columns", () => {
    const parsed = parseExplicitMapping({ conventions: { colonnes: { id: "Code interne", start: "Signée le" } } });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(mapped(detectMapping(grids, parsed.value)).conventions.headerRow).toBe(2);
  });

  test("a sheet or a column that is not there is named", () => {
    const noSheet = parseExplicitMapping({ conventions: { feuille: "Registre 2023" } });
    if (!noSheet.ok) throw new Error("valid file");
    expect(detectMapping(grids, noSheet.value)).toEqual({
      ok: false,
      problems: [{ code: "unknown_sheet", table: "conventions", sheet: "Registre 2023", sheets: ["Suivi"] }],
    });
    const noColumn = parseExplicitMapping({ conventions: { feuille: "Suivi", ligne: 2, colonnes: { id: "Numéro interne" } } });
    if (!noColumn.ok) throw new Error("valid file");
    expect(detectMapping(grids, noColumn.value)).toEqual({
      ok: false,
      problems: [{ code: "unknown_column", table: "conventions", sheet: "Suivi", field: "Référence", column: "Numéro interne" }],
    });
  });

  test("a mapping file that cannot be used says why", () => {
    expect(parseExplicitMapping([1, 2])).toEqual({ ok: false, problems: [{ code: "invalid_mapping", problem: { kind: "not_an_object" } }] });
    expect(parseExplicitMapping({ contrats: {} })).toEqual({ ok: false, problems: [{ code: "invalid_mapping", problem: { kind: "unknown_table", name: "contrats" } }] });
    expect(parseExplicitMapping({ conventions: { ligne: 0 } })).toEqual({
      ok: false,
      problems: [{ code: "invalid_mapping", problem: { kind: "bad_header_row", where: ["conventions", "ligne"] } }],
    });
    expect(parseExplicitMapping({ conventions: { page: "x" } })).toEqual({
      ok: false,
      problems: [{ code: "invalid_mapping", problem: { kind: "unknown_keys", where: ["conventions"], keys: ["page"] } }],
    });
    const badField = parseExplicitMapping({ conventions: { colonnes: { couleur: "A" } } });
    if (!badField.ok) throw new Error("valid file");
    expect(detectMapping(grids, badField.value)).toMatchObject({
      ok: false,
      problems: [{ code: "invalid_mapping", table: "conventions", problem: { kind: "unknown_field", name: "couleur", known: expect.arrayContaining(["Référence"]) } }],
    });
  });
});
