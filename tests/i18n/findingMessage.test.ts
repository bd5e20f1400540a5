import { checkRegister } from "../../src/core/check/checkRegister";
import { FINDING_CODES, Finding, InconsistencyReason } from "../../src/core/check/findings";
import { findingMessage } from "../../src/i18n/register.fr";
import { d } from "../helpers/dates";
import { committee, deadline, register, team2 } from "../helpers/register";

const onConvention = { conventionId: "TEAM2", table: "conventions", location: { sheet: "Conventions", row: 2 } } as const;
const period = (label: string, start: string, end: string) => ({ label, start: d(start), end: d(end) });

describe("findingMessage: comités, status, milestones and obligations", () => {
  it.each<[string, Finding, string]>([
    [
      "a semester without comité",
      { code: "missing_committee", ...onConvention, period: period("2025-S1", "2025-01-01", "2025-06-30"), date: d("2025-06-30"), daysLeft: -20 },
      "Comité de suivi manquant pour le semestre 2025-S1 (du 01/01/2025 au 30/06/2025).",
    ],
    [
      "a quarter without comité",
      { code: "missing_committee", ...onConvention, period: period("2024-T4", "2024-10-01", "2024-12-31"), date: d("2024-12-31"), daysLeft: -20 },
      "Comité de suivi manquant pour le trimestre 2024-T4 (du 01/10/2024 au 31/12/2024).",
    ],
    [
      "a year without comité",
      { code: "missing_committee", ...onConvention, period: period("2025", "2025-01-01", "2025-12-31"), date: d("2025-12-31"), daysLeft: -20 },
      "Comité de suivi manquant pour l'année 2025 (du 01/01/2025 au 31/12/2025).",
    ],
    [
      "a contractual semester without comité",
      { code: "missing_committee", ...onConvention, period: period("S2", "2025-01-15", "2025-07-14"), date: d("2025-07-14"), daysLeft: -20 },
      "Comité de suivi manquant pour le semestre S2 (du 15/01/2025 au 14/07/2025).",
    ],
    [
      "the comité due",
      { code: "committee_due", ...onConvention, period: period("2026-S2", "2026-07-01", "2026-12-31"), date: d("2026-12-31"), daysLeft: 32 },
      "Comité de suivi à tenir au plus tard le 31/12/2026 (semestre 2026-S2, dans 32 jours).",
    ],
    [
      "the comité due today",
      { code: "committee_due", ...onConvention, period: period("2024-S2", "2024-07-01", "2024-12-31"), date: d("2024-12-31"), daysLeft: 0 },
      "Comité de suivi à tenir au plus tard le 31/12/2024 (semestre 2024-S2, aujourd'hui).",
    ],
    [
      "the comité due tomorrow",
      { code: "committee_due", ...onConvention, period: period("2024-S2", "2024-07-01", "2024-12-31"), date: d("2024-12-31"), daysLeft: 1 },
      "Comité de suivi à tenir au plus tard le 31/12/2024 (semestre 2024-S2, dans 1 jour).",
    ],
    [
      "a convention to renew",
      { code: "expiring", ...onConvention, field: "end", date: d("2027-07-14"), daysLeft: 227 },
      "Convention à renouveler : elle prend fin le 14/07/2027 (dans 227 jours).",
    ],
    [
      "a convention ending today",
      { code: "expiring", ...onConvention, field: "end", date: d("2027-07-14"), daysLeft: 0 },
      "Convention à renouveler : elle prend fin le 14/07/2027 (aujourd'hui).",
    ],
    [
      "a convention ended yesterday",
      { code: "expired", ...onConvention, field: "end", date: d("2027-07-14"), daysLeft: -1 },
      "Convention échue : elle a pris fin le 14/07/2027 (depuis 1 jour).",
    ],
    [
      "a convention ended long ago",
      { code: "expired", ...onConvention, field: "end", date: d("2027-07-14"), daysLeft: -3 },
      "Convention échue : elle a pris fin le 14/07/2027 (depuis 3 jours).",
    ],
    [
      "a late milestone",
      { code: "milestone_overdue", conventionId: "TEAM2", table: "deadlines", label: "Pôle innovation", date: d("2026-01-14"), daysLeft: -12 },
      "Jalon « Pôle innovation » en retard : date limite le 14/01/2026, dépassée de 12 jours.",
    ],
    [
      "a milestone late by a day",
      { code: "milestone_overdue", conventionId: "TEAM2", table: "deadlines", label: "Pôle innovation", date: d("2026-01-14"), daysLeft: -1 },
      "Jalon « Pôle innovation » en retard : date limite le 14/01/2026, dépassée de 1 jour.",
    ],
    [
      "a milestone soon due",
      { code: "milestone_due", conventionId: "TEAM2", table: "deadlines", label: "Pôle innovation", date: d("2026-01-14"), daysLeft: 92 },
      "Jalon « Pôle innovation » à réaliser au plus tard le 14/01/2026 (dans 92 jours).",
    ],
    [
      "a milestone due today",
      { code: "milestone_due", conventionId: "TEAM2", table: "deadlines", label: "Pôle innovation", date: d("2026-01-14"), daysLeft: 0 },
      "Jalon « Pôle innovation » à réaliser au plus tard le 14/01/2026 (aujourd'hui).",
    ],
    [
      "a quarter of the club territorial missed",
      {
        code: "obligation_missing",
        conventionId: "TEAM2",
        table: "deadlines",
        label: "Club territorial",
        period: period("2025-T2", "2025-04-01", "2025-06-30"),
        date: d("2025-06-30"),
        daysLeft: -150,
      },
      "Obligation « Club territorial » non remplie pour le trimestre 2025-T2 (du 01/04/2025 au 30/06/2025) : aucune réunion ni réalisation enregistrée.",
    ],
  ])("phrases %s", (_name, finding, message) => {
    expect(findingMessage(finding)).toBe(message);
  });
});

describe("findingMessage: missing dates, with the register's column labels", () => {
  it.each<[string, Finding, string]>([
    [
      "the date de notification",
      { code: "missing_date", ...onConvention, field: "start" },
      "Date de notification manquante. La fin, le statut et les comités de suivi ne peuvent pas être vérifiés.",
    ],
    ["the end", { code: "missing_date", ...onConvention, field: "end" }, "Date de fin manquante. Renseignez « Date de fin » ou « Durée »."],
    [
      "a milestone's deadline",
      { code: "missing_date", conventionId: "TEAM2", table: "deadlines", field: "dueDate", label: "Pôle innovation" },
      "Échéance « Pôle innovation » : date limite manquante (renseignez « Date limite » ou « Délai (mois) »).",
    ],
    [
      "a comité's date (a row the reader leaves out)",
      { code: "missing_date", conventionId: "TEAM2", table: "committees", field: "date" },
      "Comités : date manquante, la ligne n'est pas prise en compte.",
    ],
    [
      "another date of the conventions",
      { code: "missing_date", ...onConvention, field: "publicationDate" },
      "Date publication manquante.",
    ],
  ])("phrases %s", (_name, finding, message) => {
    expect(findingMessage(finding)).toBe(message);
  });
});

describe("findingMessage: inconsistent dates, one sentence per reason", () => {
  const inconsistent = (reason: InconsistencyReason, field: string, date: string, otherDate: string, table: Finding["table"] = "conventions"): Finding => ({
    code: "inconsistent_dates",
    conventionId: "TEAM2",
    table,
    reason,
    field,
    date: d(date),
    otherDate: d(otherDate),
  });

  it.each<[InconsistencyReason | string, Finding, string]>([
    [
      "end_before_start",
      inconsistent("end_before_start", "end", "2024-07-01", "2024-07-15"),
      "La date de fin (01/07/2024) précède la date de début (15/07/2024).",
    ],
    [
      "end_differs",
      inconsistent("end_differs", "end", "2027-07-15", "2027-07-14"),
      "La « Date de fin » (15/07/2027) ne correspond pas à la fin calculée d'après la date de notification, la durée et les avenants (14/07/2027).",
    ],
    [
      "enforceable_differs",
      inconsistent("enforceable_differs", "enforceableDate", "2024-07-11", "2024-07-12"),
      "La « Date exécutoire » (11/07/2024) n'est pas la plus tardive des dates de transmission en préfecture et de publication (12/07/2024).",
    ],
    [
      "publication_before_deliberation",
      inconsistent("publication_before_deliberation", "publicationDate", "2024-06-24", "2024-06-25"),
      "La « Date publication » (24/06/2024) précède la « Date délibération » (25/06/2024) : une délibération ne peut pas être publiée avant d'avoir été votée.",
    ],
    [
      "transmission_before_deliberation",
      inconsistent("transmission_before_deliberation", "transmissionDate", "2024-06-20", "2024-06-25"),
      "La « Date transmission préfecture » (20/06/2024) précède la « Date délibération » (25/06/2024) : une délibération ne peut pas être transmise en préfecture avant d'avoir été votée.",
    ],
    [
      "start_before_deliberation",
      inconsistent("start_before_deliberation", "start", "2024-06-24", "2024-06-25"),
      "La « Date de notification » (24/06/2024) précède la « Date délibération » (25/06/2024) : la convention ne peut pas être signée avant la délibération qui l'autorise.",
    ],
    [
      "start_before_enforceable",
      inconsistent("start_before_enforceable", "start", "2024-07-11", "2024-07-12"),
      "La « Date de notification » (11/07/2024) précède la date à laquelle la délibération qui l'autorise est devenue exécutoire (12/07/2024) : la convention ne peut pas être signée avant.",
    ],
    [
      "committee_outside_term (before the start)",
      inconsistent("committee_outside_term", "date", "2024-07-14", "2024-07-15", "committees"),
      "Réunion du 14/07/2024 hors de la durée de la convention (qui commence le 15/07/2024) : elle n'est pas prise en compte.",
    ],
    [
      "committee_outside_term (after the end)",
      inconsistent("committee_outside_term", "date", "2027-07-15", "2027-07-14", "committees"),
      "Réunion du 15/07/2027 hors de la durée de la convention (qui s'achève le 14/07/2027) : elle n'est pas prise en compte.",
    ],
    [
      "amendment_outside_term (before the start)",
      inconsistent("amendment_outside_term", "date", "2024-07-01", "2024-07-15", "amendments"),
      "Avenant du 01/07/2024 antérieur à la date de notification de la convention (15/07/2024).",
    ],
    [
      "amendment_outside_term (after the end)",
      inconsistent("amendment_outside_term", "date", "2028-01-02", "2027-12-31", "amendments"),
      "Avenant du 02/01/2028 postérieur à la fin de la convention alors en vigueur (31/12/2027) : une convention échue ne peut plus être modifiée par avenant.",
    ],
  ])("phrases %s", (_name, finding, message) => {
    expect(findingMessage(finding)).toBe(message);
  });
});

describe("findingMessage: values that cannot be used", () => {
  it("reuses the sentence of the error", () => {
    expect(
      findingMessage({
        code: "invalid_value",
        conventionId: "TEAM2",
        table: "deadlines",
        field: "frequencyMonths",
        error: { code: "invalid_option", value: 4, field: "Fréquence (mois)", options: "frequency_months" },
      }),
    ).toBe("Fréquence (mois) : 4 n'est pas une valeur permise (valeurs possibles : 3, 6 ou 12).");
    expect(
      findingMessage({
        code: "invalid_value",
        conventionId: "TEAM3",
        table: "committees",
        field: "conventionId",
        error: { code: "unknown_convention", value: "TEAM3", field: "Référence convention" },
      }),
    ).toBe("Référence convention : « TEAM3 » ne correspond à aucune convention du registre.");
  });

});

describe("findingMessage: every finding of a check reads as one French sentence", () => {
  it("phrases the TEAM2 check at 26/01/2026", () => {
    const reg = register({
      conventions: [team2()],
      committees: [committee("TEAM2", "2024-10-03"), committee("TEAM2", "2025-03-20", null), committee("TEAM2", "2024-09-20", "club")],
      deadlines: [
        deadline("TEAM2", "Club territorial", { kind: "recurring", frequencyMonths: 3, row: 3 }),
        deadline("TEAM2", "Pôle innovation", { kind: "milestone", delayMonths: 18, row: 4 }),
      ],
    });
    const messages = checkRegister(reg, { asOf: d("2026-01-26") }).findings.map(findingMessage);
    // Quarters of the club: 2024-T3 held (20/09/2024), then none from 2024-T4 to 2025-T4.
    expect(messages).toEqual([
      "Comité de suivi manquant pour le semestre 2025-S2 (du 01/07/2025 au 31/12/2025).",
      "Comité de suivi à tenir au plus tard le 30/06/2026 (semestre 2026-S1, dans 155 jours).",
      "Obligation « Club territorial » non remplie pour le trimestre 2024-T4 (du 01/10/2024 au 31/12/2024) : aucune réunion ni réalisation enregistrée.",
      "Obligation « Club territorial » non remplie pour le trimestre 2025-T1 (du 01/01/2025 au 31/03/2025) : aucune réunion ni réalisation enregistrée.",
      "Obligation « Club territorial » non remplie pour le trimestre 2025-T2 (du 01/04/2025 au 30/06/2025) : aucune réunion ni réalisation enregistrée.",
      "Obligation « Club territorial » non remplie pour le trimestre 2025-T3 (du 01/07/2025 au 30/09/2025) : aucune réunion ni réalisation enregistrée.",
      "Obligation « Club territorial » non remplie pour le trimestre 2025-T4 (du 01/10/2025 au 31/12/2025) : aucune réunion ni réalisation enregistrée.",
      "Jalon « Pôle innovation » en retard : date limite le 14/01/2026, dépassée de 12 jours.",
    ]);
  });

  it("has a sentence for every code, with no hole in it", () => {
    // Every fact any code may carry: each member of the union takes the ones it has.
    const full = {
      conventionId: "TEAM2",
      table: "conventions",
      field: "start",
      period: period("2025-S1", "2025-01-01", "2025-06-30"),
      date: d("2025-06-30"),
      otherDate: d("2025-07-15"),
      reason: "end_differs",
      label: "Pôle innovation",
      daysLeft: 5,
      error: { code: "missing_date", field: "publication" },
    } as const;
    for (const code of FINDING_CODES) {
      const message = findingMessage({ ...full, code } as Finding);
      expect(message).toMatch(/^[A-ZÉ].*\.$/);
      expect(message).not.toMatch(/undefined|null|\?|\[object/);
    }
  });
});
