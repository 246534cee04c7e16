/** Strings of the list view, search and filters. Dutch first; English must have the same keys. */
export const nl = {
  title: 'Lijst',
};

export const en: typeof nl = {
  title: 'List',
};
