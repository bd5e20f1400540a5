/**
 * Each phrasing the rules read in published deliberations, tried on short sentences written for the
 * test (the corpus of tests/fixtures/deliberations/real/ is the other half of each rule's test: the
 * comment above each case names the real texts the phrasing comes from).
 */
import { parseActesIdentifier } from "../../../src/core/deliberation/actesIdentifier";
import { cleanDeliberationText } from "../../../src/core/deliberation/cleanDeliberationText";
import { prepareDeliberationText } from "../../../src/core/deliberation/deliberationText";
import { extractDeliberation } from "../../../src/core/deliberation/extractDeliberation";
import { makeTolerantFold } from "../../../src/core/deliberation/tolerantFold";
import { dayAndMonthIn, findDatesInText } from "../../../src/core/text/findDatesInText";
import { leadingDuration } from "../../../src/core/text/leadingDuration";
import { normalizeText } from "../../../src/core/text/normalizeText";
import { d, iso } from "../../helpers/dates";

const codes = (notes: readonly { code: string }[]): string[] => notes.map((n) => n.code);

describe("cleaning the text of a PDF", () => {
  // cc-pays-de-quimperle-2014-058: "COMMUNAUTE DE COMMUNES DU PAYS DEAccusé / QUIMPERLE / certifié exécutoire"
  it("separates a word in capitals glued to the next column's, and takes the stamp out of the header", () => {
    const cleaned = cleanDeliberationText(
      "COMMUNAUTE D'AGGLOMERATION DU PAYS DEAccusé\nBLEU\ncertifié exécutoire\nRéception par le préfet : 03/05/2022\nPublication : 04/05/2022\nEXTRAIT DU REGISTRE",
    );
    expect(cleaned.split("\n")).toEqual([
      "COMMUNAUTE D'AGGLOMERATION DU PAYS DE BLEU",
      "",
      "Accusé certifié exécutoire Réception par le préfet : 03/05/2022 Publication : 04/05/2022",
      "",
      "EXTRAIT DU REGISTRE",
    ]);
  });

  // cc-pays-de-quimperle-2015-003: "EXTRAIT DU REGISTRE DES DELIBERATIONS Publication : 13/02/2015"
  it("splits a stamp's line glued to a header in capitals", () => {
    expect(cleanDeliberationText("EXTRAIT DU REGISTRE DES DELIBERATIONS Publication : 13/02/2015\nDU CONSEIL").split("\n")).toEqual([
      "EXTRAIT DU REGISTRE DES DELIBERATIONS",
      "",
      "Publication : 13/02/2015",
      "",
      "DU CONSEIL",
    ]);
  });

  // commune-clermont-ferrand-2014 ("GUERMIT-MAFFRE"), TEAM2's PDF ("DOUVRY Jean-" / "Marie"), region-ile-de-france ("Seine- Saint-Denis")
  it("joins a word cut at a line's end, without the hyphen only when the text writes the joined word", () => {
    expect(cleanDeliberationText("le tribunal adminis-\ntratif de Lille ; le tribunal administratif")).toBe("le tribunal administratif de Lille ; le tribunal administratif");
    expect(cleanDeliberationText("les villes-\ncentre et DOUVRY Jean-\nMarie")).toBe("les villes-centre et DOUVRY Jean-Marie");
    expect(cleanDeliberationText("pôle de Seine- Saint-Denis (93)")).toBe("pôle de Seine-Saint-Denis (93)");
  });

  // commune-paris-2009-dvd-118: "D�lib�ration affich�e � l?H�tel-de-Ville" / (blank) / "et transmise au repr�sentant …"
  it("joins a sentence that a blank line cut, but keeps a Markdown hard break and a paragraph that ends", () => {
    expect(cleanDeliberationText("Délibération affichée à l'Hôtel-de-Ville\n\net transmise le 15 juin 2009.")).toBe(
      "Délibération affichée à l'Hôtel-de-Ville\net transmise le 15 juin 2009.",
    );
    expect(cleanDeliberationText("Fin de phrase.\n\net ensuite")).toBe("Fin de phrase.\n\net ensuite");
    expect(cleanDeliberationText("Certifié exécutoire par le Président  \nCompte tenu")).toBe("Certifié exécutoire par le Président  \nCompte tenu");
  });

  // commune-lyon-2011-3814: "A LA POLITIQUE CULTURELLE DE LA" / "VILLE DE LYON"
  it("joins a line in capitals cut after a word that cannot end it", () => {
    expect(cleanDeliberationText("A LA POLITIQUE SPORTIVE DE LA\nVILLE DE NIORT\nLe Conseil")).toBe("A LA POLITIQUE SPORTIVE DE LA VILLE DE NIORT\nLe Conseil");
  });

  // commune-strasbourg-2013: "Délibération au Conseil Municipal du lundi 25 mars 2013" / "Conventions pluriannuelles …"
  it("keeps a short line that starts nothing new apart from the title below it", () => {
    const text = prepareDeliberationText(
      "Délibération au Conseil Municipal du lundi 4 mars 2024\n" +
        "Conventions d'objectifs avec le club de rugby de la ville et avec l'association des supporters\n" +
        "pour la saison sportive 2024-2025 et les suivantes, entre la Ville et ses partenaires associatifs\n" +
        "du quartier.",
    );
    expect(text.sentences.map((s) => s.text)).toEqual([
      "Délibération au Conseil Municipal du lundi 4 mars 2024",
      "Conventions d'objectifs avec le club de rugby de la ville et avec l'association des supporters pour la saison sportive 2024-2025 et les suivantes, entre la Ville et ses partenaires associatifs du quartier.",
    ]);
  });
});

describe("tolerating damaged characters in the matching copy", () => {
  // commune-paris-2009-dvd-118 ("Re�ue par le repr�sentant de l?Etat"), departement-paris-2003-ases-45 ("C?ur"),
  // region-ile-de-france-2012 and region-poitou-charentes-2015 ("d animation", "conseil régional d Ile-de-France")
  it("reads a replacement character as the one word it can be, '?' and a lost apostrophe as an apostrophe", () => {
    const fold = makeTolerantFold(["La Délibération du Département"]);
    expect(fold("D\ufffdlib\ufffdration affich\ufffde \ufffd l?H\ufffdtel, Re\ufffdue par le D\ufffdpartement")).toBe(
      "deliberation affichee a l'hotel, recue par le departement",
    );
    expect(fold("le conseil régional d Ile-de-France et l attribution")).toBe("le conseil regional d'ile-de-france et l'attribution");
    expect(fold("l?Etat")).toHaveLength("l?Etat".length);
  });
});

describe("dates in words and two-digit years", () => {
  const dates = (text: string, referenceYear?: number) => findDatesInText(normalizeText(text), { referenceYear }).map((f) => iso(f.date));

  // ca-saint-germain (L'an deux mil vingt, le 09 juillet), syndicat-sivom (L'an deux mille neuf, le vingt cinq mars),
  // commune-clermont-ferrand (dix neuf décembre deux mille quatorze), beziers (L'an deux mille treize et le douze décembre)
  it("reads days, months and years written in words, and the year written first", () => {
    expect(dates("le vingt-cinq juillet deux mille dix-huit")).toEqual(["2018-07-25"]);
    expect(dates("LE 23 SEPTEMBRE DEUX MILLE DIX")).toEqual(["2010-09-23"]);
    expect(dates("L'an deux mil vingt-deux, le 4 mai, le Conseil")).toEqual(["2022-05-04"]);
    expect(dates("L'an deux mille dix-sept et le premier février à dix heures")).toEqual(["2017-02-01"]);
    expect(dates("AUJOURD'HUI trente et un janvier deux mille vingt et un")).toEqual(["2021-01-31"]);
    expect(dates("le trente février deux mille vingt, trois mois, l'an dernier le 5 mars")).toEqual([]);
  });

  // commune-venissieux-2019-18 ("Séance publique 17/12/19"), region-poitou-charentes ("27/01/15")
  it("reads a two-digit year in the century of the text's own dates", () => {
    expect(dates("Séance publique 17/12/19", 2019)).toEqual(["2019-12-17"]);
    expect(dates("le 05/04/31", 2030)).toEqual(["2031-04-05"]);
    expect(dates("le 05/04/31")).toEqual(["1931-04-05"]);
  });

  // region-poitou-charentes-2015: "Réception à la Préfecture de la Vienne : 27 janvier"
  it("finds a day and month written without a year, and only then", () => {
    expect(dayAndMonthIn("de la vienne : 27 janvier cp0028")).toEqual({ day: 27, month: 1, index: 15, length: 10 });
    expect(dayAndMonthIn("le 27 janvier 2015")).toBeNull();
  });
});

describe("durations", () => {
  it("reads 'et demi' after years, and refuses it after months rather than cut it", () => {
    expect(leadingDuration("3 ans et demi a compter du 1er janvier")).toEqual({ months: 42, length: 13 });
    expect(leadingDuration("un an et demi")).toEqual({ months: 18, length: 13 });
    expect(leadingDuration("deux mois et demi a compter")).toBeNull();
  });

  // cc-pays-de-quimperle-2015-165 ("convention de partenariat triennale"), departement-paris-2003-ases-45 ("convention biennale")
  it("reads a duration said by an adjective, a period of years and a span of months", () => {
    expect(extractDeliberation("Le conseil approuve la convention d'objectifs quadriennale avec le club.").term.value?.months).toBe(48);
    const years = extractDeliberation("Conventions d'objectifs sur la période 2021-2023 avec les centres sociaux.").term;
    expect(years.value).toMatchObject({ months: null, start: null, end: null, period: { from: { year: 2021, month: null }, to: { year: 2023, month: null } } });
    expect(codes(years.notes)).toContain("period_without_days");
    const months = extractDeliberation("La convention porte sur les actions menées de janvier à décembre 2021.").term.value;
    expect(months).toMatchObject({ months: 12, period: { from: { year: 2021, month: 1 }, to: { year: 2021, month: 12 } } });
    expect(extractDeliberation("Les conventions d'objectifs annuelles sont signées chaque année.").term.value).toBeNull();
  });

  // ca-arlysere-2018-convention-cosi ("1er janvier 2019 – 31 décembre 2021"), commune-saint-germain-en-laye-2017 ("Années 2018 – 2019 - 2020")
  it("reads a line that is only a span of dates or a list of years, under a convention's title", () => {
    const dates = extractDeliberation("CONVENTION DE PARTENARIAT\n\n1er septembre 2024 – 31 août 2027").term;
    expect(dates.value).toMatchObject({ months: 36, from: "date", start: d("2024-09-01"), end: d("2027-08-31") });
    expect(dates.confidence).toBe("medium");
    const years = extractDeliberation("Convention d'objectifs\n\nAnnées 2024 – 2025 - 2026").term;
    expect(years.value).toMatchObject({ months: null, period: { from: { year: 2024, month: null }, to: { year: 2026, month: null } } });
    expect(extractDeliberation("Le tarif est de 12 € du 1er mars 2024 au 30 avril 2024, hors vacances.").term.value).toBeNull();
  });
});

describe("the ACTES identifier", () => {
  // cc-pays-de-quimperle-2014-058, -2015-003 (no nature), -2015-165 (underscore), commune-venissieux-2019-18 ("-CC-1-1")
  it("reads its parts, with or without its nature and sequence", () => {
    expect(parseActesIdentifier("062-200072130-20240625-2024CC136-DE")).toEqual({
      text: "062-200072130-20240625-2024CC136-DE",
      department: "062",
      siren: "200072130",
      date: d("2024-06-25"),
      number: "2024CC136",
      nature: "DE",
    });
    expect(parseActesIdentifier("059-215900350-20230301-2023-12-CC-1-1")).toMatchObject({ number: "2023-12", nature: "CC" });
    expect(parseActesIdentifier("02A-200006682-20220315-D22_015")).toMatchObject({ department: "02A", number: "D22_015", nature: null });
    expect(parseActesIdentifier("062-200072130-20240231-12-DE")).toBeNull();
  });

  // ca-ventoux-comtat-venaissin-2013: the stamps of three acts on one convention
  it("takes the one identifier a text carries, none of several, and gives the séance and number the text does not", () => {
    const one = extractDeliberation("ID : 062-200072130-20240625-2024_058-DE\nLe conseil approuve la convention.");
    expect(one.actesId.value?.text).toBe("062-200072130-20240625-2024_058-DE");
    expect(one.sessionDate).toMatchObject({ value: d("2024-06-25"), confidence: "medium", notes: [{ code: "from_actes_id", actesId: "062-200072130-20240625-2024_058-DE" }] });
    expect(one.deliberationNumber).toMatchObject({ value: "2024_058", confidence: "low" });
    const several = extractDeliberation("062-200072130-20240625-d1-DE puis 062-200072130-20240625-d2-DE");
    expect(several.actesId.value).toBeNull();
    expect(codes(several.actesId.notes)).toEqual(["ambiguous"]);
    expect(several.sessionDate.value).toBeNull();
  });
});

describe("the séance", () => {
  const session = (text: string) => extractDeliberation(text).sessionDate;

  // venissieux ("Séance publique 17/12/19"), basse-normandie ("Réunion du VENDREDI 28 MAI 2010"), metropole-lyon ("Conseil du 18 mars 2019"),
  // strasbourg ("Délibération au Conseil Municipal du lundi 25 mars 2013"), seine-saint-denis ("Réunion du 7 novembre 2019")
  it("reads the phrasings of a register's header", () => {
    expect(session("Conseil Municipal Séance publique 03/02/21").value).toEqual(d("2021-02-03"));
    expect(session("Réunion du MARDI 4 JUIN 2024").value).toEqual(d("2024-06-04"));
    expect(session("Conseil du 12 avril 2023\n\nDélibération n° 2023-12").value).toEqual(d("2023-04-12"));
    expect(session("Délibération au Conseil Municipal du lundi 4 mars 2024").value).toEqual(d("2024-03-04"));
  });

  // quimperle ("convoqué le 5 novembre 2015, s'est réuni le 12" / "novembre 2015"), saint-germain, sivom (the date before "s'est réuni")
  it("reads the date right after or right before 's'est réuni', never the convocation's", () => {
    expect(session("Le Conseil, convoqué le 5 mars 2024, s'est réuni le 12\nmars 2024 à 18 heures.").value).toEqual(d("2024-03-12"));
    expect(session("L'an deux mille vingt-trois, le seize mai, le Comité syndical s'est réuni.").value).toEqual(d("2023-05-16"));
  });

  // autre-office-tourisme-beziers-mediterranee-2014: three passages give 09/01/2014, two give 12/12/2013
  it("keeps the date most passages give, and cites the other with its passage", () => {
    const read = session("Séance du 9 janvier 2024.\nSéance du 9 janvier 2024.\nL'an deux mille vingt-trois et le douze décembre, le Comité s'est réuni.");
    expect(read.value).toEqual(d("2024-01-09"));
    expect(read.confidence).toBe("low");
    expect(read.notes).toEqual([{ code: "conflicting", others: [{ value: d("2023-12-12"), sentence: "L'an deux mille vingt-trois et le douze décembre, le Comité s'est réuni." }] }]);
  });

  // ca-ventoux-comtat-venaissin-2013: "agissant en vertu d'une délibération du Conseil Communautaire en date du 24 juin 2013"
  it("takes the deliberation an annexed convention names, with low confidence, when nothing else gives the séance", () => {
    expect(session("ENTRE : le Président, agissant en vertu d'une délibération du Conseil Municipal en date du 3 avril 2023").confidence).toBe("low");
    expect(session("ENTRE : le Président, agissant en vertu d'une délibération du Conseil Municipal en date du 3 avril 2023").value).toEqual(d("2023-04-03"));
    // ca-arlysere ("en vertu de la délibération n° xx du Conseil Communautaire en date du 13 décembre 2018"), saint-germain-en-laye
    expect(session("représentée par son Président agissant en vertu de la délibération n° xx du Conseil Communautaire en date du 5 mai 2022,").value).toEqual(d("2022-05-05"));
    expect(session("habilité par délibération du conseil municipal de Saint-Jean-de-Luz en date du 7 juin 2021, d'une part").value).toEqual(d("2021-06-07"));
    // Never the partner's board.
    expect(session("agissant en vertu de la délibération du Conseil d'Administration en date du 26 octobre 2021,").value).toBeNull();
  });
});

describe("the stamps", () => {
  // cc-pays-de-quimperle-2014-058 and -2015-003: the transmission platform's block
  it("reads 'Accusé certifié exécutoire' with its reception and publication as the exécutoire date, high", () => {
    const x = extractDeliberation("Accusé certifié exécutoire\nRéception par le préfet : 03/05/2022\nPublication : 04/05/2022\n\nLe Conseil délibère.");
    expect(x.transmissionDate.value).toEqual(d("2022-05-03"));
    expect(x.publicationDate.value).toEqual(d("2022-05-04"));
    expect(x.enforceableDate).toMatchObject({ value: d("2022-05-04"), confidence: "high", notes: [] });
  });

  // commune-paris-2009-dvd-118, departement-paris-2003-ases-45: one date for the affichage and the transmission
  it("gives a stamp with no date of its own the date of the stamp it runs on into with 'et'", () => {
    const x = extractDeliberation("Délibération affichée en mairie et transmise au représentant de l'Etat le 3 mai 2022.\nReçue par le représentant de l'Etat le 3 mai 2022.");
    expect(x.publicationDate.value).toEqual(d("2022-05-03"));
    expect(x.transmissionDate).toMatchObject({ value: d("2022-05-03"), confidence: "high" });
  });

  // region-poitou-charentes-2015: "Réception à la Préfecture de la Vienne : 27 janvier"
  it("gives a stamp that lost its year the séance's, saying so", () => {
    const x = extractDeliberation("Réunion du 20 décembre 2023\n\nRéception à la Préfecture de la Marne : 5 janvier");
    expect(x.transmissionDate).toMatchObject({ value: d("2024-01-05"), confidence: "medium", notes: [{ code: "year_from_context", year: 2024 }] });
  });

  // commune-venissieux-2019-18 ("Date de la convocation : 10/12/19 Compte rendu affiché : 18/12/19"), commune-saint-sulpice-la-foret-2019
  it("reads an affichage after the convocation's own date, but not the convocation's affichage", () => {
    expect(extractDeliberation("Date de la convocation : 10/12/23 Compte rendu affiché : 18/12/23").publicationDate.value).toEqual(d("2023-12-18"));
    const x = extractDeliberation("Date d'affichage de la convocation : 4 décembre 2023 Date de publication : 16 décembre 2023");
    expect(x.publicationDate).toMatchObject({ value: d("2023-12-16"), notes: [] });
  });

  // cc-pays-de-quimperle-2015-165: "Affiché le" then "ID : 029-…"
  it("keeps a blank stamp blank up to the ACTES identifier that follows it", () => {
    const x = extractDeliberation("Reçu en préfecture le 13/11/2023\nAffiché le\nID : 029-242900694-20231112-2023_165-DE");
    expect(x.publicationDate).toMatchObject({ value: null, notes: [{ code: "left_blank" }] });
  });
});

describe("the act's number", () => {
  const number = (text: string) => extractDeliberation(text).deliberationNumber.value;

  // cc-pays-de-quimperle (2014-058, 2015-003, 2015-165), commune-lyon-2011-3814 ("2011/3814 - ATTRIBUTION")
  it("reads the number a line starts with, never a range of years", () => {
    expect(number("2023-112 ENV Approbation de la convention de gestion")).toBe("2023-112");
    expect(number("2023/4512 - ATTRIBUTION DE SUBVENTIONS")).toBe("2023/4512");
    expect(number("2013-2016 : programme d'actions")).toBeNull();
  });

  // ca-saint-germain ("DÉLIBÉRATION : DEL 20-86"), seine-saint-denis ("13-01"), paris ("2009 DVD 118", "[2003 ASES 45]")
  it("reads 'DEL 20-86', a rapport's number alone on its line, the Conseil de Paris' numbers", () => {
    expect(number("DÉLIBÉRATION : DEL 23-14 APPROBATION DES STATUTS")).toBe("DEL 23-14");
    expect(number("Service du sport\n\n12-04\n\nRAPPORT À LA COMMISSION PERMANENTE")).toBe("12-04");
    expect(number("Juin 2021\nDéliberation\n2021 DAC 412\nConseil municipal")).toBe("2021 DAC 412");
    expect(number("Déliberation/ Conseil général/ Mars 2004 [2004 ASES 12]")).toBe("2004 ASES 12");
    // The example of a rapport's number.
    expect(number("RAPPORT N° 18-CP-412\n\nCOMMISSION PERMANENTE")).toBe("18-CP-412");
  });
});

describe("the authority", () => {
  const authority = (text: string, partner = "") => extractDeliberation(`${text}\n${partner}`).authority;

  // quimperle, clermont-ferrand, saint-sulpice ("…, convoqué", "…, légalement convoqué"), sivom ("du S.I.V.O.M. Alliance Nord-Ouest s'est réuni")
  it("reads the council that meets, with high confidence", () => {
    expect(authority("Le Conseil de la Communauté de Communes du Pays de MORLAIX, convoqué le 5 mars 2024, s'est réuni.")).toMatchObject({
      value: "Communauté de Communes du Pays de Morlaix",
      confidence: "high",
    });
    expect(authority("le Comité Syndical du S.I.V.U. Les Trois Rivières s'est réuni à son siège.").value).toBe("S.I.V.U. Les Trois Rivières");
  });

  // region-poitou-charentes ("1 CONSEIL RÉGIONAL POITOU-CHARENTES Réception …"), basse-normandie, ile-de-france ("conseil régional d Ile-de-France")
  it("reads a letterhead in capitals at the start of a run-on line, a conseil régional as its Région", () => {
    expect(authority("1 CONSEIL RÉGIONAL NOUVELLE-AQUITAINE Réception à la Préfecture : 3 mai").value).toBe("Région Nouvelle-Aquitaine");
    expect(authority("autorise le Président du conseil régional d Occitanie à les signer.").value).toBe("Région Occitanie");
  });

  // commune-paris-2009-dvd-118 ("au nom de la Ville de Paris"; the partner "le Département de Seine-Saint-Denis"), strasbourg, departement-paris
  it("reads 'au nom de' and a mention, never the partner's name", () => {
    const x = extractDeliberation("Autorisation de signer une convention avec le Département de la Marne pour l'étude.\nLa contribution de la Ville de Reims est de 7.000 euros.");
    expect(x.partner.value).toBe("Département de la Marne");
    expect(x.authority).toMatchObject({ value: "Ville de Reims", confidence: "low" });
    expect(authority("M. le Maire agissant au nom de la Ville de Lille, est autorisé à signer.").value).toBe("Ville de Lille");
    expect(authority("La Ville de Strasbourg entretient des relations étroites avec les centres.").value).toBe("Ville de Strasbourg");
  });

  // commune-cherbourg-en-cotentin-2021 ("Ville de Cherbourg-en-Cotentin Département de la Manche COMPTE-RENDU SOMMAIRE …"), saint-philbert
  it("reads a letterhead's name up to the header's next item, and writes a compound place name as one", () => {
    expect(authority("Ville de Saint-Lô Département de la Manche COMPTE-RENDU SOMMAIRE Conseil municipal Séance du 3 mars 2021").value).toBe("Ville de Saint-Lô");
    expect(authority("Le Conseil Municipal de la commune de SAINT-JEAN-DE-LUZ dûment convoqué le 2 mai 2021, s'est réuni.").value).toBe("Commune de Saint-Jean-de-Luz");
  });
});

describe("the partner", () => {
  const partner = (text: string) => extractDeliberation(text).partner.value;

  // ca-ventoux-comtat-venaissin-2013: "ENTRE LES SOUSSIGNES : … et Monsieur le Président de la Société Anonyme VAUCLUSE LOGEMENT, désignée ci-après"
  it("reads the second party of 'Entre les soussignés'", () => {
    expect(partner("ENTRE LES SOUSSIGNES : Monsieur le Maire de la Ville de Tulle et Monsieur le Président de la Société Anonyme CORREZE HABITAT, désignée ci-après « la Société »")).toBe(
      "Société Anonyme CORREZE HABITAT",
    );
  });

  // region-basse-normandie-2010-10-265: "à signer avec l'Agence de Services et de Paiement, l'avenant"; commune-paris-2009-dvd-118
  it("reads 'signer avec', a name that holds 'et de'", () => {
    expect(partner("d'autoriser le Président à signer avec l'Agence de Services et de Paiement, l'avenant précité")).toBe("Agence de Services et de Paiement");
    expect(partner("signer la convention avec l'association Les Amis et de l'autoriser à la modifier")).toBe("Association Les Amis");
  });

  // commune-paris-2009-dvd-118 ("avec le Département de Seine-Saint-Denis"), departement-paris-2003 ("avec l'association"); the "la Maison Jacques Prévert"
  it("reads the body a convention is signed with, of any kind", () => {
    expect(partner("d'approuver la convention de partenariat avec la Maison Jacques Prévert pour la saison 2024.")).toBe("Maison Jacques Prévert");
    expect(partner("signer une convention de partenariat avec le Département de la Somme pour l'étude d'un schéma.")).toBe("Département de la Somme");
  });

  // commune-saint-sulpice-la-foret-2019: "5. Convention de partenariat entre la commune de … et Unis Cité / Projet antigaspi 2020 / Délibération"
  it("reads the second party of an item 'Convention … entre A et B / …'", () => {
    expect(partner("Ordre du jour :\n\n3. Convention de partenariat entre la commune de Vire et Emmaüs Connect / Projet numérique / Délibération")).toBe("Emmaüs Connect");
  });

  // ca-arlysere-2018 ("Entre : … d'une part, / Et : / Le Comité des Œuvres Sociales Intercommunal (COSI), n° de SIRET…"), saint-germain-en-laye, lumbres
  it("reads the party after 'Et' in a convention's 'Entre … Et …', with its acronym", () => {
    expect(partner("Entre :\n\nLa Ville de Vire, d'une part,\n\nEt :\n\nLe Comité des Fêtes de Vire (CFV), n° de SIRET……, d'autre part,")).toBe("Comité des Fêtes de Vire (CFV)");
    expect(partner("Entre les soussignés :\n\nLa Ville de Vire\n\nEt\n\nL'Association «LES AMIS DU BOCAGE», déclarée en sous-préfecture")).toBe("Association LES AMIS DU BOCAGE");
    expect(partner("Et :\n\nLe Comité des Fêtes de Vire")).toBeNull();
  });
});

describe("the title", () => {
  const title = (text: string) => extractDeliberation(text).title;

  // cc-pays-de-quimperle (the line "2015-165 CULT approb de la convention …"), ca-saint-germain ("DEL 20-86 APPROBATION DES …")
  it("reads the rest of the line the act's number starts, without a service's code", () => {
    expect(title("2023-112 ENV Approbation de la convention de gestion des haies").value).toBe("Approbation de la convention de gestion des haies");
    expect(title("DÉLIBÉRATION : DEL 23-14 APPROBATION DES STATUTS DU SYNDICAT").value).toBe("Approbation des statuts du syndicat");
  });

  // commune-venissieux-2019-18 (under "Délibération n° 2019/18"), strasbourg (under the séance), basse-normandie (after its rubric)
  it("reads the object right under the number or the séance, after a rubric", () => {
    expect(title("Délibération n° 2023/44\n\nConvention d'objectifs avec le Stade Lavallois\n\nNombre de conseillers : 33").value).toBe("Convention d'objectifs avec le Stade Lavallois");
    expect(title("DELIBERATION N° 22-118 de la COMMISSION PERMANENTE\n\nsur les transports : avenant à la convention avec la SNCF").value).toBe("Avenant à la convention avec la SNCF");
  });

  // region-poitou-charentes-2015: "DECISION RELATIVE AUX FINANCEMENTS DE L'«EUROVELOROUTE 1» …"
  it("reads a heading that names the decision, up to where its capitals end", () => {
    expect(title("COMMISSION PERMANENTE DECISION RELATIVE AUX AIDES A LA MOBILITE DES APPRENTIS Le présent rapport").value).toBe(
      "Decision relative aux aides a la mobilite des apprentis",
    );
  });

  // region-ile-de-france-2012 ("Article 1 : Décide de participer financièrement …"), collectivite-europeenne-alsace and clermont-ferrand (first line)
  it("reads what the act decides, and last the first line when it reads as a title", () => {
    expect(title("Article 1 : Décide de participer au fonctionnement des missions locales, par une subvention.")).toMatchObject({
      value: "Participer au fonctionnement des missions locales",
      confidence: "low",
    });
    expect(title("Subventions aux associations culturelles\nEXTRAIT DU REGISTRE DES DELIBERATIONS").value).toBe("Subventions aux associations culturelles");
    expect(title("Page | 1 /12 Convention – Ville de Vire\nConvention d'objectifs et de moyens\n\nAnnées 2024 – 2026").value).toBe("Convention d'objectifs et de moyens");
    expect(title("COMPTE-RENDU SOMMAIRE DU CONSEIL MUNICIPAL Séance du 11 décembre 2019\nL'an deux mil dix-neuf …").value).toBeNull();
    expect(title("Le Conseil municipal de la ville,\nVu le code général des collectivités territoriales").value).toBeNull();
  });
});

describe("a convention's cover page", () => {
  // ca-arlysere-2018-convention-cosi: "CONVENTION D'OBJECTIF / ENTRE / La Communauté d'Agglomération Arlysère / ET / Le Comité …"
  it("reads the title with the parties laid out below it", () => {
    expect(extractDeliberation("CONVENTION DE PARTENARIAT\n\nENTRE\n\nLa Ville de Vire\n\nET\n\nLe Club Nautique\n\nEntre :").title.value).toBe(
      "Convention de partenariat entre la Ville de Vire et le Club Nautique",
    );
  });
});

describe("the amount", () => {
  // collectivite-europeenne-alsace: "- de la Fondation du Patrimoine pour un montant total de 60 000 €, - du CAUE … de 45 000 €"
  it("takes none of several totals, one per beneficiary, and lists them", () => {
    const amount = extractDeliberation("Subventions : - au club A pour un montant total de 6 000 €, - au club B pour un montant total de 4 500 €.").amount;
    expect(amount.value).toBeNull();
    expect(codes(amount.notes)).toEqual(["ambiguous"]);
  });

  // ca-ventoux-comtat-venaissin-2013: "accorder sa garantie … d'un montant global de 3 699 951,00 !"; region-ile-de-france-2012 ("montant maximum de 141 000")
  it("leaves out a loan guarantee, and reads 'un montant … de' that lost its currency", () => {
    expect(extractDeliberation("Le Conseil accepte d'accorder sa garantie à hauteur de 50 % d'un montant global de 500 000,00 €.").amount.value).toBeNull();
    expect(extractDeliberation("par l'attribution de subventions d'un montant maximum de 12 500 répartis comme suit").amount.value).toBe(12500);
  });
});
