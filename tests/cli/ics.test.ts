/**
 * `registre ics` end to end, in-process through main(), on a register built with ExcelJS; the
 * file written is read back by a calendar parser (ical.js).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ICAL from "ical.js";
import { dateCell, fingerprint, run, tempDir, writeXlsx } from "./cliHelpers";

const temp = tempDir();
afterAll(() => temp.remove());

let register: string;
beforeAll(async () => {
  // TEAM2-2024: published 12/07/2024 (serial 45485), notified 15/07/2024 (45488), 3 ans → ends
  // 14/07/2027; a comité on 10/12/2024 (45636); "Pôle innovation" within 18 months → 14/01/2026.
  // "Beuvry; Cocagne, 2021": a reference with characters to escape, ended on 28/02/2026 (dates in text).
  register = await writeXlsx(join(temp.dir, "registre.xlsx"), (wb) => {
    const conventions = wb.addWorksheet("Conventions");
    conventions.addRow(["Référence", "Intitulé", "Partenaire", "Date publication", "Date de notification", "Durée", "Préavis (mois)"]);
    conventions.addRow(["TEAM2-2024", "Partenariat économie circulaire", "Association TEAM2", null, null, "3 ans", null]);
    dateCell(wb, "Conventions", "D2", 45485);
    dateCell(wb, "Conventions", "E2", 45488);
    conventions.addRow(["Beuvry; Cocagne, 2021", "Jardins, maraîchage", "Les Jardins de Cocagne", "08/02/2021", "01/03/2021", "5 ans", 3]);
    const committees = wb.addWorksheet("Comités");
    committees.addRow(["Référence convention", "Date", "Type"]);
    committees.addRow(["TEAM2-2024", null, "Comité de suivi"]);
    dateCell(wb, "Comités", "B2", 45636);
    const deadlines = wb.addWorksheet("Échéances");
    deadlines.addRow(["Référence convention", "Libellé", "Type", "Délai (mois)", "Fréquence (mois)"]);
    deadlines.addRow(["TEAM2-2024", "Pôle innovation", "Jalon", 18, null]);
    deadlines.addRow(["TEAM2-2024", "Club territorial", "Récurrente", null, 3]);
  });
});

describe("registre ics", () => {
  it("writes the upcoming deadlines as an iCalendar file a calendar parser reads, and leaves the register alone", async () => {
    const before = fingerprint(register);
    const output = join(temp.dir, "sortie", "echeances.ics");
    const result = await run("ics", register, "--sortie", output, "--date", "2025-09-01");
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    // At 01/09/2025: TEAM2's appeal ended on 13/09/2024; 2025-S2 lacks its comité (31/12/2025);
    // the milestone falls on 14/01/2026; notice from 15/01/2027, end 14/07/2027. Beuvry's 5 years
    // from 01/03/2021 end on 28/02/2026, 3 months of notice from 01/12/2025; its 2025-S2 comité too.
    expect(result.out).toEqual([
      "7 échéances à venir au 01/09/2025 écrites dans « " + output + " » (iCalendar, UTF-8).",
      "  01/12/2025  Préavis : préparer le renouvellement de la convention Beuvry; Cocagne, 2021",
      "  31/12/2025  Comité de suivi à tenir au plus tard ce jour — TEAM2-2024",
      "  31/12/2025  Comité de suivi à tenir au plus tard ce jour — Beuvry; Cocagne, 2021",
      "  14/01/2026  Jalon « Pôle innovation » — TEAM2-2024",
      "  28/02/2026  Fin de la convention Beuvry; Cocagne, 2021",
      "  15/01/2027  Préavis : préparer le renouvellement de la convention TEAM2-2024",
      "  14/07/2027  Fin de la convention TEAM2-2024",
      "Le registre n'est pas modifié ; réimporter le fichier met à jour les mêmes événements.",
    ]);
    expect(fingerprint(register)).toEqual(before);

    const bytes = readFileSync(output);
    const text = bytes.toString("utf8");
    expect(Buffer.from(text, "utf8").equals(bytes)).toBe(true);
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text).toContain("SUMMARY:Fin de la convention Beuvry\\; Cocagne\\, 2021\r\n");

    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
    expect(events.map((e) => [e.startDate.toString(), e.summary])).toEqual([
      ["2025-12-01", "Préavis : préparer le renouvellement de la convention Beuvry; Cocagne, 2021"],
      ["2025-12-31", "Comité de suivi à tenir au plus tard ce jour — TEAM2-2024"],
      ["2025-12-31", "Comité de suivi à tenir au plus tard ce jour — Beuvry; Cocagne, 2021"],
      ["2026-01-14", "Jalon « Pôle innovation » — TEAM2-2024"],
      ["2026-02-28", "Fin de la convention Beuvry; Cocagne, 2021"],
      ["2027-01-15", "Préavis : préparer le renouvellement de la convention TEAM2-2024"],
      ["2027-07-14", "Fin de la convention TEAM2-2024"],
    ]);
    expect(events[4].uid).toBe("convention_end.Beuvry%3B%20Cocagne%2C%202021@registre-conventions");
  });

  it("gives the same UIDs on a later export, so that a calendar updates its events", async () => {
    const first = join(temp.dir, "a.ics");
    const later = join(temp.dir, "b.ics");
    await run("ics", register, "--sortie", first, "--date", "2025-09-01");
    await run("ics", register, "--sortie", later, "--date", "2025-10-15");
    const uids = (file: string) => [...readFileSync(file, "utf8").matchAll(/^UID:(.*)$/gm)].map((m) => m[1].trim());
    expect(uids(later)).toEqual(uids(first));
    expect(new Set(uids(first)).size).toBe(7);
    // Run twice on the same day: the same bytes (DTSTAMP is the date given, never the clock). The
    // file written before is replaced only with --remplacer, as by the other commands (issue 18).
    const kept = readFileSync(later);
    const refused = await run("ics", register, "--sortie", later, "--date", "2025-09-01");
    expect([refused.code, refused.stderr]).toEqual([2, `Le fichier « ${later} » existe déjà : il n'est pas remplacé. Choisissez un autre nom, ou ajoutez --remplacer.`]);
    expect(readFileSync(later)).toEqual(kept);
    expect((await run("ics", register, "--sortie", later, "--date", "2025-09-01", "--remplacer")).code).toBe(0);
    expect(readFileSync(later)).toEqual(readFileSync(first));
  });

  it("exit code 2 with a French reason: no --sortie, an output that is not .ics or is the register, a missing register", async () => {
    const noOutput = await run("ics", register);
    expect(noOutput.code).toBe(2);
    expect(noOutput.stderr).toMatch(/Option --sortie manquante pour « ics »/);

    const before = fingerprint(register);
    const notIcs = await run("ics", register, "--sortie", register);
    expect(notIcs.code).toBe(2);
    expect(notIcs.stderr).toMatch(/doit se terminer par \.ics/);
    expect(fingerprint(register)).toEqual(before);

    const icsRegister = join(temp.dir, "registre.ics");
    writeFileSync(icsRegister, "pas un classeur");
    const same = await run("ics", icsRegister, "--sortie", icsRegister);
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/est le registre lui-même/);
    expect(readFileSync(icsRegister, "utf8")).toBe("pas un classeur");

    const missing = await run("ics", join(temp.dir, "absent.xlsx"), "--sortie", join(temp.dir, "x.ics"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/n'existe pas/);
    expect(existsSync(join(temp.dir, "x.ics"))).toBe(false);

    const badDate = await run("ics", register, "--sortie", join(temp.dir, "y.ics"), "--date", "31/02/2025");
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/^Option --date/);
  });
});
