/** Strings of the graph canvas and its legend. Dutch first; English must have the same keys. */
export const nl = {
  title: 'Kaart',
};

export const en: typeof nl = {
  title: 'Map',
};
