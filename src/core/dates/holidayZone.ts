/**
 * Which list of public holidays applies. `alsace-moselle` (Bas-Rhin, Haut-Rhin, Moselle) adds
 * Good Friday and 26 December to the eleven days of art. L3133-1 du code du travail.
 */
export type HolidayZone = "metropole" | "alsace-moselle";
