import { detectMapping, parseExplicitMapping } from "../../src/core/register/detectMapping";
import { mappingProblemMessage } from "../../src/i18n/register.fr";

function problemsOf(result: ReturnType<typeof detectMapping>): string[] {
  return result.ok ? [] : result.problems.map(mappingProblemMessage);
}

describe("mappingProblemMessage: why a workbook cannot be read, in French", () => {
  test("an empty workbook", () => {
    expect(problemsOf(detectMapping([]))).toEqual(["Le classeur est vide : aucune feuille ne contient de valeur."]);
  });

  test("no conventions table: what headers are expected, which sheets were read, and the way out", () => {
    expect(problemsOf(detectMapping([{ name: "Budget", values: [["Compte", "Montant"]] }]))).toEqual([
      "Aucune feuille ne contient de tableau de conventions : il faut au moins une ligne d'en-têtes avec « Référence » et " +
        "« Date de notification » (ou leurs synonymes : Réf., N° convention, Date de signature, Date d'effet…). " +
        "Feuilles lues : « Budget ». Vous pouvez aussi indiquer les colonnes dans un fichier de correspondance.",
    ]);
  });

  test("a required column missing is named, with the sheet and the headers read", () => {
    expect(problemsOf(detectMapping([{ name: "Suivi", values: [["Réf.", "Partenaire", "Durée"]] }]))).toEqual([
      "Tableau des conventions (feuille « Suivi ») : colonne obligatoire « Date de notification » introuvable " +
        "(en-têtes lus : « Réf. », « Partenaire », « Durée »).",
    ]);
    expect(
      problemsOf(
        detectMapping([
          { name: "Conventions", values: [["Référence", "Date de notification"]] },
          { name: "Comités", values: [["Convention", "Type"]] },
        ]),
      ),
    ).toEqual(["Tableau des comités (feuille « Comités ») : colonne obligatoire « Date » introuvable (en-têtes lus : « Convention », « Type »)."]);
  });

  test("a mapping file naming a sheet or a column that is not there", () => {
    const grids = [{ name: "Suivi", values: [["Code", "Signée le"]] }];
    const sheetFile = parseExplicitMapping({ conventions: { feuille: "Registre" } });
    const columnFile = parseExplicitMapping({ conventions: { feuille: "Suivi", colonnes: { "Date de notification": "Notifiée" } } });
    if (!sheetFile.ok || !columnFile.ok) throw new Error("valid files");
    expect(problemsOf(detectMapping(grids, sheetFile.value))).toEqual([
      "Fichier de correspondance : la feuille « Registre » n'existe pas dans le classeur (feuilles : « Suivi »).",
    ]);
    expect(problemsOf(detectMapping(grids, columnFile.value))).toEqual([
      "Fichier de correspondance : colonne « Notifiée » introuvable pour « Date de notification » dans la feuille « Suivi » " +
        "(indiquez l'en-tête exact ou la lettre de la colonne).",
    ]);
  });

  test("a mapping file that cannot be used", () => {
    const messages = (json: unknown): string[] => {
      const parsed = parseExplicitMapping(json);
      return parsed.ok ? [] : parsed.problems.map(mappingProblemMessage);
    };
    expect(messages({ conventions: { ligne: "trois" } })).toEqual([
      "Fichier de correspondance inutilisable : conventions › ligne : la ligne doit être un nombre entier à partir de 1.",
    ]);
    expect(messages([1, 2])).toEqual([
      'Fichier de correspondance inutilisable : le fichier doit contenir un objet JSON, par exemple { "conventions": { "feuille": "Suivi" } }.',
    ]);
    expect(messages({ contrats: {} })).toEqual([
      "Fichier de correspondance inutilisable : tableau « contrats » inconnu (possibles : conventions, comites, echeances, avenants).",
    ]);
    expect(messages({ conventions: { page: "x" } })).toEqual([
      "Fichier de correspondance inutilisable : conventions : clé inconnue « page » (possibles : feuille, ligne, colonnes).",
    ]);
    expect(messages({ conventions: { feuille: "" } })).toEqual(["Fichier de correspondance inutilisable : conventions › feuille : il faut un texte non vide."]);
    const badField = parseExplicitMapping({ conventions: { colonnes: { couleur: "A" } } });
    if (!badField.ok) throw new Error("valid file");
    const refused = detectMapping([{ name: "Suivi", values: [["Réf.", "Date de signature"]] }], badField.value);
    expect(refused.ok ? [] : refused.problems.map(mappingProblemMessage)).toEqual([
      expect.stringMatching(/^Fichier de correspondance inutilisable \(tableau des conventions\) : colonne « couleur » inconnue pour ce tableau \(possibles : « Référence », /),
    ]);
  });
});
