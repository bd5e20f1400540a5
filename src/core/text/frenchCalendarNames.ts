/**
 * The French names of the months and of the days of the week, as date-fns' French locale writes
 * them (tests/core/text/frenchCalendarNames.test.ts holds them to it). The locale itself would bring
 * its date parsers and its relative-date phrases into the functions' bundle for these 31 words.
 */

/** Months, January first (index = month - 1). */
export const FRENCH_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"] as const;

/** Months abbreviated, with their dot where French writes one. */
export const FRENCH_MONTHS_SHORT = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."] as const;

/** Days of the week, Sunday first (index = Date.getUTCDay()). */
export const FRENCH_WEEKDAYS = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"] as const;
