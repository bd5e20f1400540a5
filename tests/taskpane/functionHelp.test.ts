import { exampleFormula, formulaArgument, functionHelp, matchesQuery, syntaxLine } from "../../src/taskpane/functionHelp";

const help = functionHelp();
const byId = (id: string) => {
  const found = help.find((h) => h.id === id);
  if (found === undefined) throw new Error(`${id} absent de l'aide`);
  return found;
};

describe("functionHelp: what the task pane shows of each function", () => {
  it("lists the eleven functions under their French and English names", () => {
    expect(help).toHaveLength(11);
    expect(byId("END_DATE").name).toBe("CONV.DATE.FIN");
    expect(byId("END_DATE").englishName).toBe("CONV.END_DATE");
  });

  it("writes the syntax with the French parameter names, optional ones in brackets", () => {
    expect(byId("END_DATE").syntax).toBe("CONV.DATE.FIN(debut; duree; [regle])");
    expect(byId("MISSING_COMMITTEES").syntax).toBe("CONV.COMITES.MANQUANTS(debut; fin; comites; [date_ref]; [par_semestre])");
  });

  it("writes the examples as formulas typed in a French Excel", () => {
    expect(byId("END_DATE").examples[0].formula).toBe('=CONV.DATE.FIN("15/07/2024";"3 ans")');
    expect(byId("APPEAL_DEADLINE").examples[0]).toMatchObject({ formula: '=CONV.DATE.LIMITE.RECOURS("12/07/2024")', result: "13/09/2024" });
    expect(byId("APPEAL_DEADLINE").examples[1]).toMatchObject({ formula: '=CONV.DATE.LIMITE.RECOURS("31/12/2024")', result: "03/03/2025" });
    expect(byId("HOLIDAYS").examples[0].formula).toBe("=CONV.JOURS.FERIES(2024)");
  });

  it("shows a range by its address, and what it holds beside the formula", () => {
    const example = byId("MISSING_COMMITTEES").examples[0];
    expect(example.formula).toBe('=CONV.COMITES.MANQUANTS("15/07/2024";"14/07/2027";F2:F4;"01/03/2026")');
    expect(example.ranges).toEqual(["F2:F4 : 10/12/2024, (vide), 25/11/2025"]);
  });
});

describe("formula pieces", () => {
  it("quotes text and doubles the quotes inside it, leaves numbers bare with a decimal comma", () => {
    expect(formulaArgument('dit "veille"')).toBe('"dit ""veille"""');
    expect(formulaArgument(3)).toBe("3");
    expect(formulaArgument(1.5)).toBe("1,5");
    expect(exampleFormula("CONV.STATUT", [])).toBe("=CONV.STATUT()");
    expect(syntaxLine("CONV.X", [])).toBe("CONV.X()");
  });
});

describe("matchesQuery: the search box", () => {
  it("matches every function on an empty query", () => {
    expect(help.every((h) => matchesQuery(h, "   "))).toBe(true);
  });

  it("ignores accents and case, and needs every word", () => {
    const found = (query: string) => help.filter((h) => matchesQuery(h, query)).map((h) => h.id);
    expect(found("COMITÉ")).toEqual(expect.arrayContaining(["MISSING_COMMITTEES", "NEXT_COMMITTEE_DUE"]));
    expect(found("délai recours")).toContain("APPEAL_DEADLINE");
    expect(found("recours zzz")).toEqual([]);
  });

  it("finds a function by its English name or a parameter", () => {
    expect(help.filter((h) => matchesQuery(h, "appeal_deadline")).map((h) => h.id)).toEqual(["APPEAL_DEADLINE"]);
    expect(help.filter((h) => matchesQuery(h, "preavis_mois")).map((h) => h.id)).toEqual(["STATUS"]);
  });
});
