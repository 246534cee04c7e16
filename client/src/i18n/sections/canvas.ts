/** Strings of the graph canvas and its legend. Dutch first; English must have the same keys. */
export const nl = {
  title: 'Kaart',
  label: 'Kaart van items en koppelingen',
  hint: 'Sleep om te verschuiven; scroll, of + en −, om te zoomen; pijltjestoetsen verschuiven ook. Klik op een item om het te selecteren, Shift-klik of een kader trekken met Shift selecteert er meer. De lijst toont dezelfde items als tekst.',
  hintEdit:
    'Sleep een item om het te verplaatsen. Sleep met Shift ingedrukt van het ene item naar het andere om ze te koppelen.',
  controls: 'Kaartbediening',
  linkMode: 'Koppelen',
  linkModeHelp: 'Koppelmodus: sleep van het ene item naar het andere om ze te koppelen',
  tidying: 'De kaart wordt opnieuw geschikt…',
  legend: 'Legenda',
  itemKinds: 'Soorten items',
  linkKinds: 'Soorten koppelingen',
  marks: 'Markeringen',
  proposal: 'Voorstel, nog niet bevestigd (gestreept)',
  selected: 'Door jou geselecteerd',
  selectedByOther: 'Geselecteerd door iemand anders (in diens kleur)',
  directed: 'De pijl wijst van wie of wat het doet naar het andere item.',
};

export const en: typeof nl = {
  title: 'Map',
  label: 'Map of items and links',
  hint: 'Drag to pan; scroll, or + and −, to zoom; arrow keys pan too. Click an item to select it, Shift-click or drag a box with Shift to select more. The list shows the same items as text.',
  hintEdit: 'Drag an item to move it. Hold Shift and drag from one item to another to link them.',
  controls: 'Map controls',
  linkMode: 'Link',
  linkModeHelp: 'Link mode: drag from one item to another to link them',
  tidying: 'Arranging the map again…',
  legend: 'Legend',
  itemKinds: 'Kinds of items',
  linkKinds: 'Kinds of links',
  marks: 'Marks',
  proposal: 'Proposal, not confirmed yet (dashed)',
  selected: 'Selected by you',
  selectedByOther: 'Selected by someone else (in their colour)',
  directed: 'The arrow points from who or what does it to the other item.',
};
