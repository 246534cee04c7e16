/** The interface language: Dutch by default, English on request; remembered per device. */
import { createSignal } from 'solid-js';
import type { Lang } from '../../../schema/index.js';
import { en } from './en';
import { type Dictionary, nl } from './nl';

const DICTS: Record<Lang, Dictionary> = { nl, en };
const KEY = 'buurtweb.lang';

function initial(): Lang {
  const q = new URLSearchParams(location.search).get('lang');
  if (q === 'en' || q === 'nl') return q;
  return localStorage.getItem(KEY) === 'en' ? 'en' : 'nl';
}

const [lang, setLangSignal] = createSignal<Lang>(initial());
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

/** Fills `{name}` placeholders. */
export function fmt(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}
