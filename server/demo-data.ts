/**
 * Demo content: a realistic but entirely FICTIONAL social map of Kanaleneiland-Zuid
 * (Utrecht). Used to seed a demo map and in tests. All people, phone numbers, e-mail
 * addresses and most organisation names are invented; phone numbers use the
 * non-existent "0000" blocks, e-mail uses example.org / example.nl and websites
 * https://example.org/. Area figures are plausible, not official statistics.
 *
 * Keys are stable slugs; they are valid node ids as they are (see NODE_ID_RE).
 */
import type { EdgeKind, NodeKind } from '../schema/index.js';

export interface DemoNode {
  key: string;
  kind: NodeKind;
  label: string;
  fields?: Record<string, unknown>;
  /** Plain-text Dutch note for the node's rich-text note. */
  note?: string;
}

export interface DemoLink {
  kind: EdgeKind;
  from: string;
  to: string;
  fields?: Record<string, unknown>;
}

export const DEMO_MAP_NAME = 'Kanaleneiland-Zuid';

const PERIOD = '2026-Q3';

export const DEMO_NODES: readonly DemoNode[] = [
  // --- Areas -------------------------------------------------------------------------
  {
    key: 'area-utrecht',
    kind: 'area',
    label: 'Utrecht',
    fields: {
      level: 'city',
      population: 374_200,
      households: 178_900,
      lowIncomePct: 11.8,
      unemploymentPct: 4.9,
      figuresYear: 2025,
    },
  },
  {
    key: 'area-zuidwest',
    kind: 'area',
    label: 'Zuidwest',
    fields: {
      level: 'district',
      population: 43_800,
      households: 20_900,
      lowIncomePct: 17.5,
      unemploymentPct: 7.4,
      figuresYear: 2025,
    },
  },
  {
    key: 'area-kanaleneiland-zuid',
    kind: 'area',
    label: 'Kanaleneiland-Zuid',
    fields: {
      level: 'neighbourhood',
      population: 8_650,
      households: 3_480,
      lowIncomePct: 26.3,
      unemploymentPct: 12.1,
      figuresYear: 2025,
    },
    note: 'Jonge buurt met veel grote gezinnen in portiekflats. Cijfers zijn een schatting op basis van de wijkmonitor.',
  },
  {
    key: 'area-kanaleneiland-noord',
    kind: 'area',
    label: 'Kanaleneiland-Noord',
    fields: {
      level: 'neighbourhood',
      population: 7_420,
      households: 3_150,
      lowIncomePct: 22.8,
      unemploymentPct: 10.4,
      figuresYear: 2025,
    },
  },

  // --- Organisations -------------------------------------------------------------------
  {
    key: 'team-sociaal',
    kind: 'organisation',
    label: 'Buurtteam Sociaal Kanaleneiland',
    fields: {
      orgType: 'team_social',
      phone: '030-0000 010',
      email: 'kanaleneiland@buurtteams.example.org',
      address: 'Churchilllaan 11, Utrecht',
      website: 'https://example.org/buurtteam-sociaal-kanaleneiland',
    },
    note: 'Inloopspreekuur op maandag- en donderdagochtend in het wijkservicecentrum. Werkt voor Kanaleneiland-Zuid en -Noord.',
  },
  {
    key: 'team-jg',
    kind: 'organisation',
    label: 'Buurtteam Jeugd & Gezin Kanaleneiland',
    fields: {
      orgType: 'team_youth_family',
      phone: '030-0000 011',
      email: 'jeugdengezin-kanaleneiland@buurtteams.example.org',
      address: 'Churchilllaan 11, Utrecht',
      website: 'https://example.org/buurtteam-jeugd-gezin-kanaleneiland',
    },
  },
  {
    key: 'doenja',
    kind: 'organisation',
    label: 'Doenja Dienstverlening',
    fields: {
      orgType: 'social_broker_org',
      phone: '030-0000 020',
      email: 'zuidwest@doenja.example.org',
      website: 'https://example.org/doenja',
    },
    note: 'De sociaal makelaars zitten op dinsdag en donderdag in Buurthuis De Schakel.',
  },
  {
    key: 'wijkbureau',
    kind: 'organisation',
    label: 'Wijkbureau Zuidwest',
    fields: {
      orgType: 'municipality',
      phone: '030-0000 030',
      email: 'wijkbureau.zuidwest@gemeente.example.nl',
      address: 'Churchilllaan 11, Utrecht',
      website: 'https://example.org/wijkbureau-zuidwest',
    },
    note: 'Aanvragen voor het initiatievenfonds lopen via de wijkadviseur.',
  },
  {
    key: 'huisarts',
    kind: 'organisation',
    label: 'Huisartsenpraktijk De Kanaalkade',
    fields: {
      orgType: 'gp_health',
      phone: '030-0000 040',
      email: 'praktijk@kanaalkade.example.nl',
      address: 'Bernadottelaan 102, Utrecht',
    },
  },
  {
    key: 'ggz',
    kind: 'organisation',
    label: 'GGZ-team Zuidwest (De Brug)',
    fields: {
      orgType: 'mental_health',
      phone: '030-0000 050',
      email: 'zuidwest@ggz-debrug.example.org',
      website: 'https://example.org/ggz-de-brug',
    },
  },
  {
    key: 'school',
    kind: 'organisation',
    label: 'Basisschool De Kanaalboog',
    fields: {
      orgType: 'school',
      phone: '030-0000 060',
      email: 'info@kanaalboog.example.nl',
      address: 'Columbuslaan 40, Utrecht',
      website: 'https://example.org/kanaalboog',
    },
    note: 'Vreedzame School. Ouderkamer op woensdagochtend; vraag naar de conciërge, hij is er elke dag.',
  },
  {
    key: 'moskee',
    kind: 'organisation',
    label: 'Moskee Al-Amal',
    fields: {
      orgType: 'religious',
      phone: '030-0000 070',
      email: 'bestuur@al-amal.example.org',
      address: 'Livingstonelaan 77, Utrecht',
    },
    note: 'Bereikt veel vaders die niet naar het buurthuis komen. Afspraken liefst na het vrijdaggebed.',
  },
  {
    key: 'sportclub',
    kind: 'organisation',
    label: 'SV Kanaalboys',
    fields: {
      orgType: 'sports_club',
      phone: '030-0000 080',
      email: 'secretariaat@kanaalboys.example.nl',
      website: 'https://example.org/sv-kanaalboys',
    },
  },
  {
    key: 'woningcorp',
    kind: 'organisation',
    label: 'Woonstichting Zuidhaven',
    fields: {
      orgType: 'housing',
      phone: '030-0000 090',
      email: 'klantenservice@zuidhaven.example.nl',
      website: 'https://example.org/zuidhaven',
    },
  },
  {
    key: 'politie',
    kind: 'organisation',
    label: 'Politie basisteam Zuidwest',
    fields: {
      orgType: 'police',
      phone: '030-0000 099',
      website: 'https://example.org/politie-zuidwest',
    },
  },
  {
    key: 'bibliotheek',
    kind: 'organisation',
    label: 'Bibliotheek Utrecht',
    fields: {
      orgType: 'other',
      phone: '030-0000 100',
      email: 'info@bibliotheek.example.org',
      website: 'https://example.org/bibliotheek-utrecht',
    },
  },
  {
    key: 'buurtsuper',
    kind: 'organisation',
    label: 'Buurtsuper Anadolu',
    fields: {
      orgType: 'business',
      phone: '030-0000 110',
      address: 'Marshallaan 190, Utrecht',
    },
    note: 'De eigenaar geeft brood en groente van de dag aan het sociaal restaurant.',
  },

  // --- Places --------------------------------------------------------------------------
  {
    key: 'pl-buurthuis',
    kind: 'place',
    label: 'Buurthuis De Schakel',
    fields: {
      address: 'Marshallaan 212, Utrecht',
      openingHours: 'ma-vr 9:00-22:00, za 10:00-16:00',
      rooms: ['Grote zaal', 'Keuken', 'Vergaderkamer 1', 'Vergaderkamer 2', 'Kinderruimte'],
      phone: '030-0000 120',
      website: 'https://example.org/buurthuis-de-schakel',
    },
    note: 'De grote zaal is op vrijdagavond vol door het sociaal restaurant. Ruimte reserveren via de beheerder van Doenja.',
  },
  {
    key: 'pl-huiskamer',
    kind: 'place',
    label: 'Huiskamer Bernadottelaan',
    fields: {
      address: 'Bernadottelaan 48-bis, Utrecht',
      openingHours: 'di en do 10:00-14:00',
      rooms: ['Huiskamer', 'Keukentje'],
    },
    note: 'Benedenwoning van Zuidhaven, ingericht door bewoners. Geen wifi.',
  },
  {
    key: 'pl-speeltuin-hoefijzer',
    kind: 'place',
    label: 'Speeltuin Het Hoefijzer',
    fields: {
      address: 'Columbuslaan 5 (achter de flats), Utrecht',
      openingHours: 'dagelijks 9:00 tot zonsondergang; woensdagmiddag begeleid spelen',
      rooms: ['Speeltuinhuisje'],
    },
  },
  {
    key: 'pl-speeltuin-wip',
    kind: 'place',
    label: 'Speeltuin De Wip',
    fields: {
      address: 'Aziëlaan 30, Utrecht',
      openingHours: 'dagelijks 9:00-19:00',
    },
  },
  {
    key: 'pl-trapveld',
    kind: 'place',
    label: 'Trapveld Livingstonelaan',
    fields: {
      address: 'Livingstonelaan 10, Utrecht',
      openingHours: 'altijd open; verlichting tot 22:00',
    },
  },
  {
    key: 'pl-bieb',
    kind: 'place',
    label: 'Bibliotheek Kanaleneiland',
    fields: {
      address: 'Vasco da Gamalaan 60, Utrecht',
      openingHours: 'di-vr 10:00-18:00, za 10:00-14:00',
      rooms: ['Studieplekken', 'Taalcafé-ruimte', 'Computerhoek'],
      phone: '030-0000 130',
      website: 'https://example.org/bibliotheek-kanaleneiland',
    },
  },
  {
    key: 'pl-wsc',
    kind: 'place',
    label: 'Wijkservicecentrum Zuidwest',
    fields: {
      address: 'Churchilllaan 11, Utrecht',
      openingHours: 'ma-vr 8:30-17:00',
      rooms: ['Spreekkamers', 'Vergaderzaal', 'Balie'],
      phone: '030-0000 140',
    },
  },

  // --- Initiatives ---------------------------------------------------------------------
  {
    key: 'ini-sorteergroep',
    kind: 'initiative',
    label: 'Sorteergroep Papierwinkel',
    fields: {
      stage: 'running',
      schedule: 'Elke dinsdag 13:30-15:30',
      email: 'papierwinkel@doenja.example.org',
    },
    note: 'Neem je post mee in een tas; vrijwilligers helpen sorteren. Tolk Arabisch en Turks meestal aanwezig.',
  },
  {
    key: 'ini-budgetgroep',
    kind: 'initiative',
    label: 'Budgetgroep Rond Komen',
    fields: {
      stage: 'running',
      schedule: 'Om de week op donderdag 19:00-21:00 (8 bijeenkomsten)',
    },
  },
  {
    key: 'ini-huiskamer',
    kind: 'initiative',
    label: 'Huiskamer De Koffiepot',
    fields: {
      stage: 'running',
      schedule: 'di en do 10:00-14:00',
      budgetRequest: 3_000,
      phone: '06-0000 0031',
    },
    note: 'Gewoon binnenlopen; er is altijd koffie en soep. Veel oudere bewoners uit de flats aan de Bernadottelaan.',
  },
  {
    key: 'ini-wandelclub',
    kind: 'initiative',
    label: 'Wandelclub Stap voor Stap',
    fields: {
      stage: 'running',
      schedule: 'Elke woensdag 10:00, start bij het buurthuis',
    },
  },
  {
    key: 'ini-sollicitatieclub',
    kind: 'initiative',
    label: 'Sollicitatieclub Werk in Zicht',
    fields: {
      stage: 'paused',
      schedule: 'Maandag 10:00-12:00 (tijdelijk gestopt tot januari)',
    },
    note: 'Gepauzeerd omdat de computerhoek van de bieb wordt verbouwd.',
  },
  {
    key: 'ini-restaurant',
    kind: 'initiative',
    label: 'Sociaal Restaurant Aan Tafel',
    fields: {
      stage: 'starting',
      schedule: 'Vanaf oktober elke vrijdag 17:30; € 4 per maaltijd',
      budgetRequest: 4_500,
      email: 'aantafel@example.org',
    },
  },
  {
    key: 'ini-weggeefwinkel',
    kind: 'initiative',
    label: 'Weggeefwinkel Geef & Neem',
    fields: {
      stage: 'running',
      schedule: 'Zaterdag 11:00-14:00',
      budgetRequest: 2_500,
      website: 'https://example.org/geef-en-neem',
    },
  },
  {
    key: 'ini-keyring',
    kind: 'initiative',
    label: 'KeyRing-netwerk Kanaleneiland',
    fields: {
      stage: 'starting',
      schedule: 'Netwerkavond elke eerste maandag van de maand',
      budgetRequest: 7_800,
    },
    note: 'Zoekt nog vier deelnemers en een tweede vrijwilliger.',
  },
  {
    key: 'ini-buddy',
    kind: 'initiative',
    label: 'Buddyproject Samen Sterk',
    fields: {
      stage: 'running',
      schedule: 'In overleg; buddy en deelnemer spreken wekelijks af',
      phone: '06-0000 0032',
    },
  },
  {
    key: 'ini-safari',
    kind: 'initiative',
    label: 'Buurtsafari Kanaleneiland-Zuid',
    fields: {
      stage: 'idea',
      schedule: 'Idee: elke eerste zaterdag van de maand, 10:00-12:00',
      budgetRequest: 600,
    },
    note: 'Maandelijkse wandeling langs clubs en voorzieningen, voor nieuwe bewoners en statushouders.',
  },
  {
    key: 'ini-pubergroep',
    kind: 'initiative',
    label: 'Oudergroep Pubers in Huis',
    fields: {
      stage: 'starting',
      schedule: 'Zes bijeenkomsten op vrijdagochtend, start in november',
      budgetRequest: 1_200,
    },
  },
  {
    key: 'ini-beweegclub',
    kind: 'initiative',
    label: 'Beweegclub Fit in de Wijk',
    fields: {
      stage: 'running',
      schedule: 'di en do 18:00-19:00',
    },
  },
  {
    key: 'ini-leesclub',
    kind: 'initiative',
    label: 'Leesclub Makkelijk Lezen',
    fields: {
      stage: 'ended',
      schedule: 'Was: om de week op woensdag 14:00',
    },
    note: 'Gestopt in 2025 toen de vrijwilliger verhuisde. De bibliotheek wil graag opnieuw starten.',
  },

  // --- Themes --------------------------------------------------------------------------
  { key: 'th-schulden', kind: 'theme', label: 'Schulden', fields: { themeType: 'problem' } },
  { key: 'th-eenzaamheid', kind: 'theme', label: 'Eenzaamheid', fields: { themeType: 'problem' } },
  {
    key: 'th-administratie',
    kind: 'theme',
    label: 'Administratie en papierwerk',
    fields: { themeType: 'problem' },
  },
  {
    key: 'th-arbeidsmarkt',
    kind: 'theme',
    label: 'Afstand tot de arbeidsmarkt',
    fields: { themeType: 'problem' },
  },
  { key: 'th-overgewicht', kind: 'theme', label: 'Overgewicht', fields: { themeType: 'problem' } },
  { key: 'th-pubers', kind: 'theme', label: 'Opvoeden van pubers', fields: { themeType: 'problem' } },
  {
    key: 'th-psychisch',
    kind: 'theme',
    label: 'Psychische gezondheid',
    fields: { themeType: 'problem' },
  },
  { key: 'th-gezonde-wijk', kind: 'theme', label: 'Gezonde wijk', fields: { themeType: 'anchor' } },
  { key: 'th-vreedzame-wijk', kind: 'theme', label: 'Vreedzame wijk', fields: { themeType: 'anchor' } },
  { key: 'th-bewoners-aan-zet', kind: 'theme', label: 'Bewoners aan zet', fields: { themeType: 'anchor' } },

  // --- People --------------------------------------------------------------------------
  {
    key: 'p-fatima',
    kind: 'person',
    label: 'Fatima Benhaddou',
    fields: {
      role: 'professional',
      function: 'Buurtondernemer buurtteam sociaal',
      phone: '06-0000 0001',
      email: 'f.benhaddou@buurtteams.example.org',
      languages: ['Nederlands', 'Arabisch', 'Berbers'],
      skills: ['Netwerken', 'Teamleiding', 'Schuldhulpverlening'],
    },
  },
  {
    key: 'p-joost',
    kind: 'person',
    label: 'Joost van Leersum',
    fields: {
      role: 'professional',
      function: 'Generalist buurtteam sociaal (schulden)',
      phone: '06-0000 0002',
      email: 'j.vanleersum@buurtteams.example.org',
      languages: ['Nederlands', 'Engels'],
      skills: ['Budgetcoaching', 'Schuldhulpverlening'],
    },
  },
  {
    key: 'p-ayse',
    kind: 'person',
    label: 'Ayşe Kartaloğlu',
    fields: {
      role: 'professional',
      function: 'Gezinswerker buurtteam jeugd & gezin',
      phone: '06-0000 0003',
      email: 'a.kartaloglu@buurtteams.example.org',
      languages: ['Nederlands', 'Turks', 'Engels'],
      skills: ['Opvoedondersteuning', 'Gespreksvoering'],
    },
    note: 'Kent veel Turkse moeders via de ouderkamer van De Kanaalboog.',
  },
  {
    key: 'p-sandra',
    kind: 'person',
    label: 'Sandra Doelwijt',
    fields: {
      role: 'professional',
      function: 'Jeugdprofessional buurtteam jeugd & gezin',
      phone: '06-0000 0004',
      email: 's.doelwijt@buurtteams.example.org',
      languages: ['Nederlands', 'Sranantongo', 'Engels'],
      skills: ['Groepstraining', 'Pubers en ouders'],
    },
  },
  {
    key: 'p-mohamed',
    kind: 'person',
    label: 'Mohamed Ouazzani',
    fields: {
      role: 'professional',
      function: 'Sociaal makelaar',
      phone: '06-0000 0005',
      email: 'm.ouazzani@doenja.example.org',
      languages: ['Nederlands', 'Arabisch', 'Berbers', 'Frans'],
      skills: ['Bewonersinitiatieven', 'Fondsen werven', 'Werk en re-integratie'],
    },
    note: 'Is op dinsdag en donderdag in het buurthuis. Beste bereikbaar via WhatsApp.',
  },
  {
    key: 'p-lieke',
    kind: 'person',
    label: 'Lieke Hoogvliet',
    fields: {
      role: 'professional',
      function: 'Sociaal makelaar (ouderen en eenzaamheid)',
      phone: '06-0000 0006',
      email: 'l.hoogvliet@doenja.example.org',
      languages: ['Nederlands', 'Engels'],
      skills: ['Groepsbegeleiding', 'Vrijwilligers werven'],
    },
  },
  {
    key: 'p-sanne',
    kind: 'person',
    label: 'Sanne de Vlieger',
    fields: {
      role: 'intern',
      function: 'Stagiair Social Work (hbo)',
      email: 'stagiair.zuidwest@doenja.example.org',
      languages: ['Nederlands', 'Engels', 'Spaans'],
      skills: ['Sociale media', 'Fotografie'],
    },
    note: 'Loopt stage tot eind januari; werkt de buurtsafari uit.',
  },
  {
    key: 'p-ruud',
    kind: 'person',
    label: 'Ruud Kampstra',
    fields: {
      role: 'professional',
      function: 'Wijkagent Kanaleneiland-Zuid',
      phone: '06-0000 0007',
      email: 'wijkagent.kanaleneiland@politie.example.nl',
      languages: ['Nederlands'],
      skills: ['Jongerenwerk', 'Bemiddeling'],
    },
  },
  {
    key: 'p-anouk',
    kind: 'person',
    label: 'Anouk Terbraak',
    fields: {
      role: 'professional',
      function: 'Wijkadviseur',
      phone: '030-0000 031',
      email: 'a.terbraak@gemeente.example.nl',
      languages: ['Nederlands', 'Engels'],
      skills: ['Initiatievenfonds', 'Subsidies'],
    },
  },
  {
    key: 'p-emre',
    kind: 'person',
    label: 'Emre Doğanay',
    fields: {
      role: 'professional',
      function: 'Huisarts',
      phone: '030-0000 041',
      email: 'e.doganay@kanaalkade.example.nl',
      languages: ['Nederlands', 'Turks', 'Engels'],
      skills: ['Leefstijl', 'Ouderenzorg'],
    },
  },
  {
    key: 'p-marieke',
    kind: 'person',
    label: 'Marieke Oosterbeek',
    fields: {
      role: 'professional',
      function: 'Intern begeleider',
      phone: '030-0000 061',
      email: 'm.oosterbeek@kanaalboog.example.nl',
      languages: ['Nederlands', 'Engels'],
      skills: ['Zorgstructuur school', 'Oudergesprekken'],
    },
  },
  {
    key: 'p-ilse',
    kind: 'person',
    label: 'Ilse Dekkers',
    fields: {
      role: 'professional',
      function: 'FACT-verpleegkundige',
      phone: '06-0000 0008',
      email: 'i.dekkers@ggz-debrug.example.org',
      languages: ['Nederlands', 'Engels', 'Duits'],
      skills: ['Psychische gezondheid', 'Herstelgericht werken'],
    },
  },
  {
    key: 'p-khadija',
    kind: 'person',
    label: 'Khadija Moussaoui',
    fields: {
      role: 'professional',
      function: 'Woonconsulent',
      phone: '030-0000 091',
      email: 'k.moussaoui@zuidhaven.example.nl',
      languages: ['Nederlands', 'Arabisch', 'Berbers'],
      skills: ['Huurachterstanden', 'Burenruzies'],
    },
  },
  {
    key: 'p-naima',
    kind: 'person',
    label: 'Naima Bouchtaoui',
    fields: {
      role: 'experience_expert',
      function: 'Ervaringsdeskundige schulden',
      phone: '06-0000 0009',
      languages: ['Nederlands', 'Arabisch', 'Berbers'],
      skills: ['Post sorteren', 'Budgetteren', 'Mensen op hun gemak stellen'],
    },
    note: 'Had zelf jaren schulden en is nu schuldenvrij. Vertelt daar graag over in groepen.',
  },
  {
    key: 'p-gerda',
    kind: 'person',
    label: 'Gerda Willemsen',
    fields: {
      role: 'volunteer',
      function: 'Gastvrouw huiskamer',
      phone: '06-0000 0010',
      languages: ['Nederlands'],
      skills: ['Koken', 'Luisteren', 'Breien'],
    },
  },
  {
    key: 'p-kevin',
    kind: 'person',
    label: 'Kevin Ramdajal',
    fields: {
      role: 'volunteer',
      function: 'Coördinator buddy’s (vrijwillig)',
      phone: '06-0000 0011',
      email: 'buddy.samensterk@example.org',
      languages: ['Nederlands', 'Sranantongo', 'Sarnami', 'Engels'],
      skills: ['Coachen', 'Wandelen', 'Plannen'],
    },
  },
  {
    key: 'p-bram',
    kind: 'person',
    label: 'Bram Verhoef',
    fields: {
      role: 'volunteer',
      function: 'Jeugdtrainer',
      phone: '06-0000 0012',
      languages: ['Nederlands', 'Engels'],
      skills: ['Voetbaltraining', 'EHBO'],
    },
  },
  {
    key: 'p-hassan',
    kind: 'person',
    label: 'Hassan Amezian',
    fields: {
      role: 'resident_key_figure',
      languages: ['Nederlands', 'Berbers', 'Arabisch'],
      skills: ['Kent iedereen', 'Klussen'],
      consent: 'yes',
      consentAt: '2026-06-30',
      retentionUntil: '2027-06-30',
    },
    note: 'Conciërge van De Kanaalboog. Kent iedereen in de flats rond de Columbuslaan. Vraag naar hem bij de school of in het buurthuis.',
  },
  {
    key: 'p-yusuf',
    kind: 'person',
    label: 'Yusuf Aktaşlı',
    fields: {
      role: 'resident_key_figure',
      languages: ['Nederlands', 'Turks', 'Arabisch'],
      skills: ['Koken voor groepen', 'Vertalen'],
      consent: 'yes',
      consentAt: '2025-10-01',
      // Passed: the map's review list asks an editor to renew the consent or forget him.
      retentionUntil: '2026-10-01',
    },
    note: 'Bestuurslid van de moskee.',
  },
  {
    key: 'p-priscilla',
    kind: 'person',
    label: 'Priscilla Menig',
    fields: {
      role: 'resident_key_figure',
      phone: '06-0000 0013',
      languages: ['Nederlands', 'Sranantongo', 'Engels'],
      skills: ['Organiseren', 'Naaien'],
      consent: 'yes',
      consentAt: '2026-03-31',
      retentionUntil: '2027-03-31',
    },
    note: 'Trekker van de weggeefwinkel. Informele leider in de portiekflats aan de Marshallaan; weet wie hulp nodig heeft maar het niet vraagt.',
  },
];

export const DEMO_LINKS: readonly DemoLink[] = [
  // --- Area hierarchy and places in areas ---------------------------------------------
  { kind: 'part_of', from: 'area-zuidwest', to: 'area-utrecht' },
  { kind: 'part_of', from: 'area-kanaleneiland-zuid', to: 'area-zuidwest' },
  { kind: 'part_of', from: 'area-kanaleneiland-noord', to: 'area-zuidwest' },
  { kind: 'part_of', from: 'pl-buurthuis', to: 'area-kanaleneiland-zuid' },
  { kind: 'part_of', from: 'pl-speeltuin-hoefijzer', to: 'area-kanaleneiland-zuid' },
  { kind: 'part_of', from: 'pl-speeltuin-wip', to: 'area-kanaleneiland-noord' },
  { kind: 'part_of', from: 'pl-trapveld', to: 'area-kanaleneiland-zuid' },
  { kind: 'part_of', from: 'pl-wsc', to: 'area-kanaleneiland-noord' },

  // --- Where organisations, initiatives and people are active ----------------------------
  { kind: 'active_in', from: 'team-sociaal', to: 'area-kanaleneiland-zuid' },
  { kind: 'active_in', from: 'team-sociaal', to: 'area-kanaleneiland-noord' },
  { kind: 'active_in', from: 'team-jg', to: 'area-kanaleneiland-zuid' },
  { kind: 'active_in', from: 'doenja', to: 'area-zuidwest' },
  { kind: 'active_in', from: 'wijkbureau', to: 'area-zuidwest' },
  { kind: 'active_in', from: 'woningcorp', to: 'area-zuidwest' },
  { kind: 'active_in', from: 'bibliotheek', to: 'area-utrecht' },
  { kind: 'active_in', from: 'ini-safari', to: 'area-kanaleneiland-zuid' },
  { kind: 'active_in', from: 'p-hassan', to: 'area-kanaleneiland-zuid' },

  // --- Employment ------------------------------------------------------------------------
  { kind: 'works_for', from: 'p-fatima', to: 'team-sociaal', fields: { function: 'Buurtondernemer' } },
  { kind: 'works_for', from: 'p-joost', to: 'team-sociaal', fields: { function: 'Generalist' } },
  { kind: 'works_for', from: 'p-ayse', to: 'team-jg', fields: { function: 'Gezinswerker' } },
  { kind: 'works_for', from: 'p-sandra', to: 'team-jg', fields: { function: 'Jeugdprofessional' } },
  { kind: 'works_for', from: 'p-mohamed', to: 'doenja', fields: { function: 'Sociaal makelaar' } },
  { kind: 'works_for', from: 'p-lieke', to: 'doenja', fields: { function: 'Sociaal makelaar' } },
  { kind: 'works_for', from: 'p-sanne', to: 'doenja', fields: { function: 'Stagiair' } },
  { kind: 'works_for', from: 'p-ruud', to: 'politie', fields: { function: 'Wijkagent' } },
  { kind: 'works_for', from: 'p-anouk', to: 'wijkbureau', fields: { function: 'Wijkadviseur' } },
  { kind: 'works_for', from: 'p-emre', to: 'huisarts', fields: { function: 'Huisarts' } },
  { kind: 'works_for', from: 'p-marieke', to: 'school', fields: { function: 'Intern begeleider' } },
  { kind: 'works_for', from: 'p-ilse', to: 'ggz' },
  { kind: 'works_for', from: 'p-khadija', to: 'woningcorp', fields: { function: 'Woonconsulent' } },

  // --- Membership -----------------------------------------------------------------------
  { kind: 'member_of', from: 'p-kevin', to: 'ini-wandelclub' },
  { kind: 'member_of', from: 'p-bram', to: 'sportclub' },
  { kind: 'member_of', from: 'p-yusuf', to: 'moskee' },
  { kind: 'member_of', from: 'p-hassan', to: 'ini-keyring' },

  // --- Who runs what ----------------------------------------------------------------------
  { kind: 'runs', from: 'p-naima', to: 'ini-sorteergroep' },
  { kind: 'runs', from: 'p-gerda', to: 'ini-huiskamer' },
  { kind: 'runs', from: 'p-priscilla', to: 'ini-weggeefwinkel' },
  { kind: 'runs', from: 'p-kevin', to: 'ini-buddy' },
  { kind: 'runs', from: 'p-bram', to: 'ini-wandelclub' },
  { kind: 'runs', from: 'p-mohamed', to: 'ini-sollicitatieclub' },
  { kind: 'runs', from: 'p-yusuf', to: 'ini-restaurant' },
  { kind: 'runs', from: 'p-sandra', to: 'ini-pubergroep' },
  { kind: 'runs', from: 'doenja', to: 'ini-keyring' },
  { kind: 'runs', from: 'doenja', to: 'ini-safari' },
  { kind: 'runs', from: 'doenja', to: 'pl-buurthuis' },
  { kind: 'runs', from: 'sportclub', to: 'ini-beweegclub' },
  { kind: 'runs', from: 'bibliotheek', to: 'ini-leesclub' },

  // --- Locations --------------------------------------------------------------------------
  { kind: 'located_at', from: 'team-sociaal', to: 'pl-wsc' },
  { kind: 'located_at', from: 'wijkbureau', to: 'pl-wsc' },
  { kind: 'located_at', from: 'bibliotheek', to: 'pl-bieb' },
  { kind: 'located_at', from: 'ini-sorteergroep', to: 'pl-bieb' },
  { kind: 'located_at', from: 'ini-sollicitatieclub', to: 'pl-bieb' },
  { kind: 'located_at', from: 'ini-leesclub', to: 'pl-bieb' },
  { kind: 'located_at', from: 'ini-budgetgroep', to: 'pl-buurthuis' },
  { kind: 'located_at', from: 'ini-restaurant', to: 'pl-buurthuis' },
  { kind: 'located_at', from: 'ini-weggeefwinkel', to: 'pl-buurthuis' },
  { kind: 'located_at', from: 'ini-huiskamer', to: 'pl-huiskamer' },
  { kind: 'located_at', from: 'ini-beweegclub', to: 'pl-trapveld' },

  // --- Themes addressed ------------------------------------------------------------------
  { kind: 'addresses', from: 'ini-sorteergroep', to: 'th-administratie' },
  { kind: 'addresses', from: 'ini-budgetgroep', to: 'th-schulden' },
  { kind: 'addresses', from: 'ini-huiskamer', to: 'th-eenzaamheid' },
  { kind: 'addresses', from: 'ini-wandelclub', to: 'th-gezonde-wijk' },
  { kind: 'addresses', from: 'ini-sollicitatieclub', to: 'th-arbeidsmarkt' },
  { kind: 'addresses', from: 'ini-restaurant', to: 'th-eenzaamheid' },
  { kind: 'addresses', from: 'ini-weggeefwinkel', to: 'th-bewoners-aan-zet' },
  { kind: 'addresses', from: 'ini-keyring', to: 'th-psychisch' },
  { kind: 'addresses', from: 'ini-buddy', to: 'th-psychisch' },
  { kind: 'addresses', from: 'ini-safari', to: 'th-bewoners-aan-zet' },
  { kind: 'addresses', from: 'ini-pubergroep', to: 'th-pubers' },
  { kind: 'addresses', from: 'ini-beweegclub', to: 'th-overgewicht' },
  { kind: 'addresses', from: 'ini-leesclub', to: 'th-eenzaamheid' },
  { kind: 'addresses', from: 'school', to: 'th-vreedzame-wijk' },

  // --- Signals: what the teams notice across individual contacts ---------------------------
  { kind: 'signals', from: 'team-sociaal', to: 'th-schulden', fields: { count: 34, period: PERIOD } },
  { kind: 'signals', from: 'team-sociaal', to: 'th-administratie', fields: { count: 41, period: PERIOD } },
  { kind: 'signals', from: 'team-sociaal', to: 'th-eenzaamheid', fields: { count: 27, period: PERIOD } },
  { kind: 'signals', from: 'team-sociaal', to: 'th-arbeidsmarkt', fields: { count: 19, period: PERIOD } },
  { kind: 'signals', from: 'team-sociaal', to: 'th-psychisch', fields: { count: 22, period: PERIOD } },
  { kind: 'signals', from: 'team-jg', to: 'th-pubers', fields: { count: 23, period: PERIOD } },
  { kind: 'signals', from: 'team-jg', to: 'th-overgewicht', fields: { count: 11, period: PERIOD } },
  { kind: 'signals', from: 'huisarts', to: 'th-eenzaamheid', fields: { count: 15, period: PERIOD } },

  // --- Informal network ---------------------------------------------------------------------
  { kind: 'knows', from: 'p-fatima', to: 'p-mohamed', fields: { strength: 'strong', canIntroduce: true } },
  { kind: 'knows', from: 'p-joost', to: 'p-naima', fields: { strength: 'strong', canIntroduce: true } },
  { kind: 'knows', from: 'p-ayse', to: 'p-yusuf', fields: { strength: 'medium', canIntroduce: true } },
  { kind: 'knows', from: 'p-sandra', to: 'p-marieke', fields: { strength: 'strong', canIntroduce: true } },
  { kind: 'knows', from: 'p-mohamed', to: 'p-hassan', fields: { strength: 'strong', canIntroduce: true } },
  { kind: 'knows', from: 'p-lieke', to: 'p-gerda', fields: { strength: 'strong', canIntroduce: true } },
  { kind: 'knows', from: 'p-hassan', to: 'p-ruud', fields: { strength: 'medium', canIntroduce: true } },
  { kind: 'knows', from: 'p-hassan', to: 'p-priscilla', fields: { strength: 'strong', canIntroduce: true } },
  { kind: 'knows', from: 'p-khadija', to: 'p-hassan', fields: { strength: 'medium', canIntroduce: false } },
  { kind: 'knows', from: 'p-emre', to: 'p-ilse', fields: { strength: 'medium', canIntroduce: true } },
  { kind: 'knows', from: 'p-priscilla', to: 'p-naima', fields: { strength: 'medium', canIntroduce: true } },
  { kind: 'knows', from: 'p-anouk', to: 'p-fatima', fields: { strength: 'weak', canIntroduce: false } },

  // --- Contact persons ----------------------------------------------------------------------
  { kind: 'contact_for', from: 'p-fatima', to: 'team-sociaal' },
  { kind: 'contact_for', from: 'p-joost', to: 'th-schulden' },
  { kind: 'contact_for', from: 'p-lieke', to: 'th-eenzaamheid' },
  { kind: 'contact_for', from: 'p-sanne', to: 'ini-safari' },
  { kind: 'contact_for', from: 'p-hassan', to: 'pl-buurthuis' },
  { kind: 'contact_for', from: 'p-yusuf', to: 'moskee' },

  // --- Support ------------------------------------------------------------------------------
  { kind: 'supports', from: 'p-lieke', to: 'ini-keyring' },
  { kind: 'supports', from: 'p-mohamed', to: 'ini-weggeefwinkel' },
  { kind: 'supports', from: 'p-naima', to: 'ini-budgetgroep' },
  { kind: 'supports', from: 'p-ilse', to: 'ini-buddy' },
  { kind: 'supports', from: 'wijkbureau', to: 'ini-restaurant' },
  { kind: 'supports', from: 'buurtsuper', to: 'ini-restaurant' },

  // --- Referral routes ------------------------------------------------------------------------
  { kind: 'refers_to', from: 'team-sociaal', to: 'ini-sorteergroep' },
  { kind: 'refers_to', from: 'team-sociaal', to: 'ggz' },
  { kind: 'refers_to', from: 'team-jg', to: 'ini-pubergroep' },
  { kind: 'refers_to', from: 'huisarts', to: 'ini-wandelclub' },
  { kind: 'refers_to', from: 'huisarts', to: 'team-sociaal' },
  { kind: 'refers_to', from: 'school', to: 'team-jg' },
  { kind: 'refers_to', from: 'p-joost', to: 'ini-sollicitatieclub' },

  // --- Collaboration ------------------------------------------------------------------------
  { kind: 'collaborates_with', from: 'team-sociaal', to: 'doenja' },
  { kind: 'collaborates_with', from: 'team-jg', to: 'school' },
  { kind: 'collaborates_with', from: 'wijkbureau', to: 'politie' },
  { kind: 'collaborates_with', from: 'woningcorp', to: 'team-sociaal' },
  { kind: 'collaborates_with', from: 'moskee', to: 'doenja' },
  { kind: 'collaborates_with', from: 'ini-sorteergroep', to: 'ini-budgetgroep' },
];
