import { headerKey } from "../../../src/core/register/headerKey";
import { fieldForHeader, inlineCommitteeType } from "../../../src/core/register/detectMapping";

describe("headerKey: headers compared as staff mean them", () => {
  test.each([
    ["Date de notification", "date notification", null],
    ["DATE DE NOTIFICATION", "date notification", null],
    ["Date d’Échéance", "date echeance", null],
    ["  Date   d'échéance : ", "date echeance", null],
    ["Date d'échéance (calculée)", "date echeance", null],
    ["N° de convention", "convention", null],
    ["Nº convention", "convention", null],
    ["No. convention", "convention", null],
    ["N°", "numero", null],
    ["Réf.", "ref", null],
    ["Compte-rendu", "compte rendu", null],
    ["Montant (€)", "montant", null],
    ["Durée (mois)", "duree", "months"],
    ["Durée (ans)", "duree", "years"],
    ["Durée en années", "duree", "years"],
    ["Préavis en mois", "preavis", "months"],
    ["Mois", "mois", null],
  ])("%s → %s", (header, key, unit) => {
    expect(headerKey(header)).toEqual({ key, unit });
  });
});

describe("fieldForHeader: the issue's synonyms", () => {
  test.each([
    ["conventions", "Référence", "id"],
    ["conventions", "Réf", "id"],
    ["conventions", "N° convention", "id"],
    ["conventions", "Code", "id"],
    ["conventions", "Partenaire", "partner"],
    ["conventions", "Organisme", "partner"],
    ["conventions", "Bénéficiaire", "partner"],
    ["conventions", "Association", "partner"],
    ["conventions", "Date de notification", "start"],
    ["conventions", "Date de signature", "start"],
    ["conventions", "Date d'effet", "start"],
    ["conventions", "Début", "start"],
    ["conventions", "Date de début", "start"],
    ["conventions", "Date de fin", "end"],
    ["conventions", "Fin", "end"],
    ["conventions", "Échéance", "end"],
    ["conventions", "Date d'échéance", "end"],
    ["conventions", "Durée", "duration"],
    ["conventions", "Durée (mois)", "duration"],
    ["conventions", "Durée (ans)", "duration"],
    ["conventions", "N° délibération", "deliberationNumber"],
    ["conventions", "Délibération n°", "deliberationNumber"],
    ["committees", "Date du comité", "date"],
    ["committees", "Date de réunion", "date"],
    ["committees", "Réunion", "date"],
    ["committees", "N° convention", "conventionId"],
    ["amendments", "N°", "number"],
    ["amendments", "N° avenant", "number"],
    ["deadlines", "Date limite", "dueDate"],
    ["deadlines", "Réalisé le", "doneOn"],
    ["conventions", "Service instructeur", "service"],
    ["conventions", "Direction", "service"],
  ] as const)("%s: « %s » → %s", (table, header, field) => {
    expect(fieldForHeader(table, header)).toBe(field);
  });

  test("a header no table knows maps to nothing", () => {
    expect(fieldForHeader("conventions", "Agent instructeur")).toBeUndefined();
    expect(fieldForHeader("conventions", "Date")).toBeUndefined();
  });
});

describe("inlineCommitteeType: comité dates kept as repeated columns", () => {
  test.each([
    ["Comité 1", "steering"],
    ["Comité n°2", "steering"],
    ["Date comité 3", "steering"],
    ["Date du comité de suivi 1", "steering"],
    ["Comité S1 2025", "steering"],
    ["Comité 2025 S2", "steering"],
    ["Comité 1er semestre 2025", "steering"],
    ["Dernier comité", "steering"],
    ["Comité de suivi", "steering"],
    ["Réunion 2", "steering"],
    ["Club T3 2025", "club"],
    ["Club territorial 4", "club"],
  ] as const)("« %s » → %s", (header, type) => {
    expect(inlineCommitteeType(header)).toBe(type);
  });

  test.each(["Prochain comité", "Comités manquants", "Nombre de comités", "Comité de pilotage du projet X", "Commentaire comité", "Statut"])(
    "« %s » is not a meeting held",
    (header) => {
      expect(inlineCommitteeType(header)).toBeNull();
    },
  );
});
