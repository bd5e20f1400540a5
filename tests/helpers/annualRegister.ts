/**
 * The register of the annual report's tests (tests/core/report/), its 2025 report counted by hand.
 */
import { amendment, committee, convention, deadline, register, team2 } from "./register";

/**
 * The 2025 report at 26/01/2026 of a register counted by hand (DOMAIN.md's rules):
 * - MID starts mid-year (01/04/2025, 14 months → 31/05/2026, 10 000 €): 2025-S1 window 01/04–30/06
 *   is 91 days of 181 (more than half: required), comités 15/05 and 10/10/2025; it ends within 12
 *   months (125 days) and is in its 6-month notice (from 01/12/2025) at asOf and on 31/12/2025.
 * - AVN (01/01/2023, 24 months, 5 000 €) is extended by avenant of 15/11/2024 to 36 months →
 *   31/12/2025: in force all 2025, ended before asOf; a second avenant on 10/03/2025 changes nothing
 *   but counts as one of the year. Comité 10/02/2025; none in 2025-S2 (missing).
 * - END (01/07/2022, 36 months → 30/06/2025) ends during the year: comité 01/03/2025; a meeting on
 *   01/08/2025 after its end counts for nothing; its earlier semesters without comité (2022–2024) are
 *   not the year's. Its milestone due 01/06/2025 was met on 20/05/2025.
 * - OLD ended in 2022 and NEW starts in 2026: not in the report; NEW's deliberation, published
 *   20/12/2025, can be challenged until Monday 23/02/2026 (21/02 is a Saturday).
 * - TEAM2 (15/07/2024 → 14/07/2027): comité 20/03/2025 (blank type), a club meeting (not a comité),
 *   none in 2025-S2 (missing); Pôle innovation within 18 months → 14/01/2026, not done: overdue.
 */
export const ANNUAL_2025_REGISTER = register({
  conventions: [
    convention("MID", { title: "Démarrage en cours d'année", partner: "Commune A", start: "2025-04-01", duration: 14, publicationDate: "2025-03-01" }),
    convention("AVN", { title: "Prolongée par avenant", start: "2023-01-01", duration: 24 }),
    convention("END", { title: "Achevée en 2025", start: "2022-07-01", duration: 36 }),
    convention("OLD", { start: "2020-01-01", duration: 36 }),
    convention("NEW", { start: "2026-01-10", duration: 12, publicationDate: "2025-12-20" }),
    team2(),
  ].map((c) => (c.id === "MID" ? { ...c, amount: 10000 } : c.id === "AVN" ? { ...c, amount: 5000 } : c)),
  committees: [
    committee("MID", "2025-05-15"),
    committee("MID", "2025-10-10"),
    committee("AVN", "2025-02-10"),
    committee("END", "2025-03-01"),
    committee("END", "2025-08-01"),
    committee("TEAM2", "2024-10-03"),
    committee("TEAM2", "2025-03-20", null),
    committee("TEAM2", "2025-06-12", "club"),
  ],
  deadlines: [
    deadline("END", "Rapport final", { kind: "milestone", dueDate: "2025-06-01", doneOn: "2025-05-20" }),
    deadline("TEAM2", "Pôle innovation", { kind: "milestone", delayMonths: 18 }),
  ],
  amendments: [amendment("AVN", "2024-11-15", { number: "1", newDuration: 36 }), amendment("AVN", "2025-03-10", { number: "2" })],
});

