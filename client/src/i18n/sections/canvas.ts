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
  tidied: 'Opgeruimd. Met Ongedaan maken (Ctrl+Z) staat alles weer waar het stond.',
  tidyTitle: 'Kaart opruimen?',
  tidyAllQuestion:
    'Opruimen schikt alle {n} items van de kaart opnieuw, ook die van anderen. Iedereen ziet ze daarna op hun nieuwe plek.',
  tidySelectionQuestion1:
    'Opruimen schikt de {n} gekozen items opnieuw, waarvan 1 van iemand anders. Iedereen ziet ze daarna op hun nieuwe plek.',
  tidySelectionQuestionN:
    'Opruimen schikt de {n} gekozen items opnieuw, waarvan {others} van anderen. Iedereen ziet ze daarna op hun nieuwe plek.',
  tidyUndo: 'Eén keer Ongedaan maken (Ctrl+Z) zet alles terug.',
  tidyAction: 'Opruimen',
  legend: 'Legenda',
  itemKinds: 'Soorten items',
  linkKinds: 'Soorten koppelingen',
  marks: 'Markeringen',
  proposal: 'Voorstel, nog niet bevestigd (gestreept en lichter)',
  stale: 'Verouderd: niet bevestigd binnen de termijn (dubbele oranje rand)',
  changed: 'Gewijzigd sinds de gekozen datum (blauwe gloed)',
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
  tidied: 'Tidied up. Undo (Ctrl+Z) puts everything back where it was.',
  tidyTitle: 'Tidy up the map?',
  tidyAllQuestion:
    'Tidying up arranges all {n} items of the map again, including other people’s. Everyone then sees them in their new places.',
  tidySelectionQuestion1:
    'Tidying up arranges the {n} selected items again, 1 of them someone else’s. Everyone then sees them in their new places.',
  tidySelectionQuestionN:
    'Tidying up arranges the {n} selected items again, {others} of them other people’s. Everyone then sees them in their new places.',
  tidyUndo: 'One undo (Ctrl+Z) puts everything back.',
  tidyAction: 'Tidy up',
  legend: 'Legend',
  itemKinds: 'Kinds of items',
  linkKinds: 'Kinds of links',
  marks: 'Marks',
  proposal: 'Proposal, not confirmed yet (dashed and lighter)',
  stale: 'Stale: not confirmed within the period (double orange border)',
  changed: 'Changed since the chosen date (blue glow)',
  selected: 'Selected by you',
  selectedByOther: 'Selected by someone else (in their colour)',
  directed: 'The arrow points from who or what does it to the other item.',
};
