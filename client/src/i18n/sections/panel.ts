/** Strings of the item panel and the create/link dialogs. Dutch first; English must have the same keys. */
export const nl = {
  title: 'Item',
};

export const en: typeof nl = {
  title: 'Item',
};
