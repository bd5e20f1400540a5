/**
 * A small register as a user keeps it in Excel, for the tests of the Office.js gateway (on the fake
 * host, and through Microsoft's real client): a sheet before the register, a title row and a blank
 * row above the headers, a title typed "=1+1" (text, never a formula) and a date typed wrong.
 */
export const SMALL_REGISTER_SHEETS = {
  Accueil: [["Registre"]],
  Conventions: [
    ["Suivi des conventions"],
    [],
    ["Référence", "Intitulé", "Date de notification", "Durée"],
    ["TEAM2", "=1+1", 45488, 36],
    ["C2", "Club", "bad date", 36],
  ],
};
