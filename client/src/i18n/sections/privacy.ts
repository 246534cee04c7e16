/** Strings about personal data: contact details, consent, erasure, this device. Dutch first; English the same keys. */
export const nl = {
  contactHidden: 'Contactgegevens van personen zijn alleen zichtbaar voor eigenaren en redacteuren.',
  contactsOffline: 'De beschermde contactgegevens zijn nog niet geladen.',
  consentBy: 'Toestemming vastgelegd door {name}',
  residentHint: 'Van een sleutelfiguur (bewoner) leggen we alleen het nodige vast, met toestemming en een bewaardatum.',
  erase: 'Vergeet deze persoon',
  eraseTitle: 'Persoon vergeten',
  eraseQuestion: '{label} definitief vergeten?',
  eraseExplain:
    'Het item, de koppelingen, de notitie en de contactgegevens worden overal verwijderd, ook uit de opslag van de server en van andere apparaten. Vermeldingen in andere notities worden "verwijderd item". Dit kan niet ongedaan worden gemaakt.',
  eraseConfirm: 'Definitief vergeten',
  erased: 'De persoon is vergeten.',
  eraseFailed: 'Vergeten lukte niet: {error}',
  eraseOffline: 'Vergeten kan alleen met verbinding met de server.',
  residentsTitle: 'Bewoners: toestemming en bewaartermijn',
  residentsNone: 'Alle sleutelfiguren hebben toestemming en een geldige bewaardatum.',
  residentIssues: {
    noConsent: 'geen toestemming vastgelegd',
    consentRefused: 'geen toestemming gegeven',
    noRetention: 'geen bewaardatum',
    retentionPassed: 'bewaardatum verstreken',
  },
  removeTitle: 'Kaart van dit apparaat verwijderen',
  removeExplain:
    'De kopie van de kaart op dit apparaat en de uitnodiging worden gewist. Wat nog niet met de server gedeeld is, gaat verloren. Met de uitnodigingslink kun je later weer meedoen.',
  removeConfirm: 'Verwijderen van dit apparaat',
  removed: 'De kaart is van dit apparaat verwijderd.',
};

export const en: typeof nl = {
  contactHidden: 'Contact details of persons are visible to owners and editors only.',
  contactsOffline: 'The protected contact details have not loaded yet.',
  consentBy: 'Consent recorded by {name}',
  residentHint: 'For a resident key figure we record only what is needed, with consent and a date to keep it until.',
  erase: 'Forget this person',
  eraseTitle: 'Forget a person',
  eraseQuestion: 'Forget {label} for good?',
  eraseExplain:
    'The item, its links, its note and its contact details are removed everywhere, also from the server’s storage and other devices. Mentions in other notes become "removed item". This cannot be undone.',
  eraseConfirm: 'Forget for good',
  erased: 'The person has been forgotten.',
  eraseFailed: 'Could not forget: {error}',
  eraseOffline: 'Forgetting needs a connection to the server.',
  residentsTitle: 'Residents: consent and retention',
  residentsNone: 'Every resident key figure has consent and a valid retention date.',
  residentIssues: {
    noConsent: 'no consent recorded',
    consentRefused: 'consent not given',
    noRetention: 'no retention date',
    retentionPassed: 'retention date passed',
  },
  removeTitle: 'Remove the map from this device',
  removeExplain:
    'The copy of the map on this device and the invite are wiped. What has not been shared with the server is lost. You can join again later with the invite link.',
  removeConfirm: 'Remove from this device',
  removed: 'The map was removed from this device.',
};
