/**
 * The interface language: Dutch by default, English on request (a switch, or ?lang=en);
 * remembered per device. Strings live in sections/, one file per part of the interface;
 * labels of kinds and fields come from the schema.
 */
import { createSignal } from 'solid-js';
import type { Lang, Localized } from '@schema';
import * as canvas from './sections/canvas';
import * as common from './sections/common';
import * as list from './sections/list';
import * as panel from './sections/panel';
import * as privacy from './sections/privacy';
import * as review from './sections/review';

const DICTS = {
  nl: { ...common.nl, canvas: canvas.nl, list: list.nl, panel: panel.nl, review: review.nl, privacy: privacy.nl },
  en: { ...common.en, canvas: canvas.en, list: list.en, panel: panel.en, review: review.en, privacy: privacy.en },
};
export type Dictionary = (typeof DICTS)['nl'];
const KEY = 'buurtweb.lang';

function initial(): Lang {
  const q = new URLSearchParams(location.search).get('lang');
  if (q === 'en' || q === 'nl') {
    localStorage.setItem(KEY, q);
    return q;
  }
  return localStorage.getItem(KEY) === 'en' ? 'en' : 'nl';
}

const [lang, setLangSignal] = createSignal<Lang>(initial());
document.documentElement.lang = lang();
export { lang };

export function setLang(l: Lang): void {
  localStorage.setItem(KEY, l);
  document.documentElement.lang = l;
  setLangSignal(l);
}

/** The current dictionary (reactive). */
export function t(): Dictionary {
  return DICTS[lang()];
}

/** A schema label in the current language (reactive). */
export function loc(l: Localized): string {
  return l[lang()];
}

/** Fills `{name}` placeholders. */
export function fmt(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}
