/** "6 maanden" / "1 maand" in the interface language. */
import { fmt, t } from '@i18n';

export function monthsText(n: number): string {
  return n === 1 ? t().review.months1 : fmt(t().review.monthsN, { n });
}
