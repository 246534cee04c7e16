import { lang, setLang, t } from '@i18n';

export function LanguageSwitch() {
  return (
    <label class="lang-switch">
      {t().language}{' '}
      <select value={lang()} onChange={(e) => setLang(e.currentTarget.value === 'en' ? 'en' : 'nl')}>
        <option value="nl">Nederlands</option>
        <option value="en">English</option>
      </select>
    </label>
  );
}
