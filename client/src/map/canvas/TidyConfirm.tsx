/**
 * "Kaart opruimen?": asked before tidying up moves everything, or items others made —
 * everyone sees them at their new places. Says that one undo puts everything back.
 */
import { fmt, t } from '@i18n';
import { AlertConfirm } from '@map/dialogs';
import { useCanvas } from './state';

export function TidyConfirm() {
  const canvas = useCanvas();
  const question = () => {
    const plan = canvas.tidyQuestion();
    if (!plan) return '';
    const c = t().canvas;
    if (plan.scope === 'all') return fmt(c.tidyAllQuestion, { n: plan.ids.length });
    return fmt(plan.othersItems === 1 ? c.tidySelectionQuestion1 : c.tidySelectionQuestionN, {
      n: plan.ids.length,
      others: plan.othersItems,
    });
  };
  return (
    <AlertConfirm
      open={!!canvas.tidyQuestion()}
      title={t().canvas.tidyTitle}
      question={question()}
      note={t().canvas.tidyUndo}
      action={t().canvas.tidyAction}
      focusAfter="opener"
      onConfirm={() => canvas.confirmTidy()}
      onClose={() => canvas.cancelTidy()}
    />
  );
}
