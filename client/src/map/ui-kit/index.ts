/**
 * What every feature's components use: the open map and its messages (Solid contexts the
 * map page provides), the field input and the area select, and dates, numbers and link
 * sentences in the interface language.
 */
// The kit's styles (hidden text, buttons, fields, captions) come with it.
import './ui-kit.css';

export { AreaSelect } from './AreaSelect';
export { type FeatureContext, featureContext } from './feature-context';
export { FieldInput, type FieldInputProps } from './FieldInput';
export { PANEL_HEADING_ID, focusFirstInvalid, panelHeading } from './focus';
export { formatDate, formatDay, formatMoment, formatNumber } from './format';
export { type LinkOption, edgeSentence, linkOptions, linkSentence, optionKey, otherEnd, phraseFrom } from './links';
export { type FocusRequest, type MapCore, MapProvider, createMapCore, useMap } from './map-context';
export { monthsText } from './months';
export { exposeForTests } from '@sync/test-hooks';
export { type Notice, type NoticesState, NoticesProvider, createNotices, useNotices } from './notices';
