/** Every label in the schema exists in Dutch (the default) and English. */
export type Lang = 'nl' | 'en';
export interface Localized {
  nl: string;
  en: string;
}

import type { FieldError, FieldErrorCode } from './fields.js';

const FIELD_ERRORS: Record<FieldErrorCode, Localized> = {
  required: { nl: 'Dit veld is verplicht.', en: 'This field is required.' },
  wrongType: { nl: 'Deze waarde heeft het verkeerde type.', en: 'This value has the wrong type.' },
  tooLong: { nl: 'Te lang: hoogstens {max} tekens.', en: 'Too long: at most {max} characters.' },
  invalidEmail: { nl: 'Geen geldig e-mailadres.', en: 'Not a valid email address.' },
  invalidPhone: { nl: 'Geen geldig telefoonnummer.', en: 'Not a valid phone number.' },
  invalidUrl: {
    nl: 'Geen geldig webadres (begin met https://).',
    en: 'Not a valid web address (start with https://).',
  },
  invalidNumber: { nl: 'Geen geldig getal.', en: 'Not a valid number.' },
  tooSmall: { nl: 'Minstens {min}.', en: 'At least {min}.' },
  tooBig: { nl: 'Hoogstens {max}.', en: 'At most {max}.' },
  notInteger: { nl: 'Alleen hele getallen.', en: 'Whole numbers only.' },
  invalidDate: { nl: 'Geen geldige datum (jjjj-mm-dd).', en: 'Not a valid date (yyyy-mm-dd).' },
  unknownOption: { nl: 'Geen geldige keuze.', en: 'Not a valid choice.' },
  tooManyItems: { nl: 'Te veel items: hoogstens {max}.', en: 'Too many items: at most {max}.' },
  notForResidents: {
    nl: 'Van bewoners leggen we dit niet vast (dataminimalisatie).',
    en: 'Not recorded for residents (data minimisation).',
  },
  onlyForResidents: { nl: 'Alleen voor sleutelfiguren (bewoners).', en: 'Only for resident key figures.' },
  protectedField: {
    nl: 'Contactgegevens staan in het beschermde deel van de kaart.',
    en: 'Contact details live in the protected part of the map.',
  },
};

/** The message for a field error, in the requested language. */
export function fieldErrorMessage(error: FieldError, lang: Lang): string {
  let text = FIELD_ERRORS[error.code][lang];
  for (const [k, v] of Object.entries(error.params ?? {})) text = text.replace(`{${k}}`, String(v));
  return text;
}
