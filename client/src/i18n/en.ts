import type { Dictionary } from './nl';

/** English, on request. */
export const en: Dictionary = {
  appName: 'Buurtweb',
  tagline: 'The living social map of the neighbourhood',
  myMaps: 'My maps on this device',
  noMaps: 'This device has no maps yet. Open an invite link to join one.',
  openMap: 'Open',
  joining: 'Checking the invite…',
  inviteInvalid: 'This invite link is invalid or revoked. Ask the owner of the map for a new one.',
  inviteMissing: 'This link holds no invite.',
  serverUnreachable: 'The server cannot be reached. Try again later.',
  backToStart: 'Back to the start page',
  status: 'Connection',
  online: 'Online',
  offline: 'Offline',
  connecting: 'Connecting…',
  othersHere: '{n} others here',
  oneOtherHere: '1 other here',
  nobodyElse: 'Nobody else here',
  items: 'Items',
  kind: 'Kind',
  name: 'Name',
  role: 'Role',
  loggedInAs: 'Signed in as {name} ({role})',
  language: 'Language',
  roles: { owner: 'Owner', editor: 'Editor', contributor: 'Contributor', viewer: 'Viewer' },
};
