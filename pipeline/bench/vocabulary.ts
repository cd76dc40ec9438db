// Word lists for generated benchmark documents: public roles, parties and ministries as they are
// printed in real Aanhangsels, and neutral fragments to build questions and answers from.
// Surnames are common Dutch surnames, not a list of members.

export const MONTHS = [
  'januari', 'februari', 'maart', 'april', 'mei', 'juni',
  'juli', 'augustus', 'september', 'oktober', 'november', 'december',
] as const;

/** [tussenvoegsel, surname]; the tussenvoegsel is capitalised when no first name precedes it. */
export const SURNAMES: readonly (readonly [string, string])[] = [
  ['', 'Jansen'], ['', 'Bakker'], ['', 'Visser'], ['', 'Smit'], ['', 'Meijer'], ['de', 'Boer'],
  ['', 'Mulder'], ['de', 'Groot'], ['', 'Bos'], ['', 'Vos'], ['', 'Peters'], ['', 'Hendriks'],
  ['van', 'Leeuwen'], ['', 'Dekker'], ['', 'Brouwer'], ['de', 'Wit'], ['', 'Dijkstra'], ['', 'Smits'],
  ['de', 'Graaf'], ['van der', 'Meer'], ['van der', 'Linden'], ['', 'Kok'], ['', 'Jacobs'],
  ['de', 'Haan'], ['', 'Vermeulen'], ['van den', 'Heuvel'], ['van der', 'Veen'], ['van den', 'Berg'],
  ['van', 'Dijk'], ['', 'Schouten'], ['van', 'Beek'], ['', 'Willems'], ['van', 'Vliet'], ['', 'Hoekstra'],
  ['', 'Koster'], ['', 'Prins'], ['', 'Huisman'], ['', 'Kuipers'], ['van', 'Wijk'], ['', 'Postma'],
  ['', 'Verhoeven'], ['', 'Scholten'], ['ter', 'Horst'], ['in ’t', 'Veld'], ['van ’t', 'Hof'],
  ['', 'Oosterhuis'], ['', 'Zwart'], ['', 'Kramer'], ['van der', 'Heijden'], ['', 'Sahin'],
  ['', 'El Amrani'], ['', 'Yılmaz'], ['', 'Kostić'], ['', 'Öztürk'], ['', 'Wijnaendts'],
  ['', 'Haverkamp'], ['', 'Mulder-Kolk'], ['van', 'Nispen'], ['', 'Bikker'], ['', 'Agema'],
  ['', 'Omtzigt'], ['', 'Klaver'], ['', 'Stoffer'], ['den', 'Hartog'], ['', 'Koekkoek'],
  ['van', 'Campen'], ['', 'Tielen'], ['', 'Paternotte'], ['', 'Hermans'], ['', 'Thijssen'],
];

export const FIRST_NAMES = [
  'Anne', 'Pieter', 'Sanne', 'Jeroen', 'Fleur', 'Daan', 'Ingrid', 'Romke', 'Mirjam', 'Khadija',
  'Henk', 'Laura', 'Bart', 'Esther', 'Joost', 'Lisa', 'Mustafa', 'Corinne', 'Thom', 'Wieke',
];

export const PARTIES = [
  'VVD', 'CDA', 'PvdA', 'D66', 'SP', 'GroenLinks', 'ChristenUnie', 'SGP', 'PVV', 'PvdD', '50PLUS',
  'DENK', 'FvD', 'JA21', 'Volt', 'BBB', 'NSC', 'GroenLinks-PvdA', 'BIJ1', 'Groep Van Haga', 'LPF',
] as const;

/** Portfolios of a Minister "van …". */
export const MINISTRIES = [
  'Algemene Zaken', 'Binnenlandse Zaken en Koninkrijksrelaties', 'Buitenlandse Zaken', 'Defensie',
  'Economische Zaken en Klimaat', 'Financiën', 'Infrastructuur en Waterstaat', 'Justitie en Veiligheid',
  'Landbouw, Natuur en Voedselkwaliteit', 'Onderwijs, Cultuur en Wetenschap', 'Sociale Zaken en Werkgelegenheid',
  'Volksgezondheid, Welzijn en Sport', 'Asiel en Migratie', 'Klimaat en Groene Groei',
  'Volkshuisvesting en Ruimtelijke Ordening', 'Veiligheid en Justitie', 'Economische Zaken',
] as const;

/** Portfolios of a Minister "voor …" (ministers without a ministry of their own). */
export const PROGRAMME_PORTFOLIOS = [
  'Buitenlandse Handel en Ontwikkelingssamenwerking', 'Natuur en Stikstof', 'Medische Zorg',
  'Rechtsbescherming', 'Klimaat en Energie', 'Basis- en Voortgezet Onderwijs en Media',
  'Langdurige Zorg en Sport', 'Armoedebeleid, Participatie en Pensioenen',
] as const;

export const OUTLETS = [
  ['NOS', 'https://nos.nl/artikel/'], ['NRC', 'https://www.nrc.nl/nieuws/'],
  ['de Volkskrant', 'https://www.volkskrant.nl/nieuws-achtergrond/'], ['Trouw', 'https://www.trouw.nl/binnenland/'],
  ['AD', 'https://www.ad.nl/binnenland/'], ['Het Parool', 'https://www.parool.nl/amsterdam/'],
  ['RTL Nieuws', 'https://www.rtlnieuws.nl/nieuws/nederland/artikel/'], ['De Telegraaf', 'https://www.telegraaf.nl/nieuws/'],
  ['Het Financieele Dagblad', 'https://fd.nl/economie/'], ['Follow the Money', 'https://www.ftm.nl/artikelen/'],
  ['Binnenlands Bestuur', 'https://www.binnenlandsbestuur.nl/bestuur/'], ['Omroep Brabant', 'https://www.omroepbrabant.nl/nieuws/'],
  ['Nieuwsuur', 'https://nos.nl/nieuwsuur/artikel/'], ['Zorgvisie', 'https://www.zorgvisie.nl/'],
] as const;

export const SUBJECTS = [
  'gemeenten', 'boeren', 'huurders', 'scholen', 'ziekenhuizen', 'de politie', 'het UWV', 'de Belastingdienst',
  'studenten', 'zorgverzekeraars', 'netbeheerders', 'woningcorporaties', 'asielzoekers', 'gevangenissen',
  'ProRail', 'Schiphol', 'de NVWA', 'huisartsen', 'jeugdzorgaanbieders', 'waterschappen', 'provincies',
  'pensioenfondsen', 'energieleveranciers', 'kinderopvangorganisaties', 'veiligheidsregio’s', 'universiteiten',
] as const;

export const THINGS = [
  'personeel', 'stikstofruimte', 'huurwoningen', 'jeugdzorgplekken', 'medicijnen', 'netcapaciteit',
  'toeslagen', 'opvangplekken', 'leraren', 'subsidies', 'vergunningen', 'zorgkosten', 'persoonsgegevens',
  'bodemdaling', 'grondwater', 'gaswinning', 'wachttijden', 'uitkeringen', 'studieschulden', 'dierenwelzijn',
  'cybersecuritymaatregelen', 'handhavingscapaciteit', 'woningbouwafspraken', 'energierekeningen',
] as const;

export const PREDICATES = [
  'kampen met een tekort aan {thing}', 'waarschuwen voor problemen met {thing}', 'krijgen te weinig {thing}',
  'stoppen met het aanbieden van {thing}', 'zien de kosten van {thing} fors stijgen',
  'maken zich zorgen over {thing}', 'overtreden de regels voor {thing}', 'wachten al maanden op {thing}',
  'houden onvoldoende toezicht op {thing}', 'delen ten onrechte gegevens over {thing}',
] as const;

export const INFINITIVES = [
  'de gevolgen voor {thing} in kaart te brengen', 'met {subject} in gesprek te gaan over {thing}',
  'de regels voor {thing} aan te passen', 'de Kamer voor de zomer te informeren over {thing}',
  'extra middelen vrij te maken voor {thing}', 'onderzoek te laten doen naar {thing}',
  'het toezicht op {thing} te versterken', 'een landelijke aanpak voor {thing} op te stellen',
] as const;

/** Long compounds: the words a narrow PDF column hyphenates. */
export const COMPOUNDS = [
  'uitvoeringsorganisaties', 'verantwoordelijkheid', 'beleidsmaatregelen', 'gezondheidsrisico’s',
  'mensenrechtenschendingen', 'woningbouwprogramma', 'informatievoorziening', 'toezichthouders',
  'arbeidsmarktproblematiek', 'bestuursovereenkomst', 'kwaliteitsverbetering', 'ondersteuningsbehoefte',
  'handhavingsinstrumentarium', 'energietransitie', 'rechtsbescherming', 'vergunningverlening',
  'verduurzamingsmaatregelen', 'onderzoeksresultaten', 'samenwerkingsverbanden', 'privacywetgeving',
] as const;
