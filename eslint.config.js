import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// --- Import boundaries ------------------------------------------------------------------
// One `no-restricted-imports` option list applies per file: a later block replaces an
// earlier one for the files both match. So every block below lists all the restrictions
// of its files, composed from these pieces, from the widest folder to the narrowest.

/** The CRDT libraries: only schema/, server/, client/src/sync/ (and the tests) use them. */
const NO_YJS = {
  regex: '^(yjs|y-[\\w.-]+|@y/[\\w.-]+|lib0|@tiptap/y-tiptap)(/|$)',
  message: 'Only schema/, server/ and client/src/sync/ touch Yjs; the interface reads the derived graph.',
};
const NO_SERVER = {
  regex: '^(\\.\\.?/)+server(/|$)',
  message: 'The client never imports server code: what both sides need lives in schema/.',
};
const NO_CLIENT = {
  regex: '^((\\.\\.?/)+client(/|$)|@(map|sync|i18n)(/|$))',
  message: 'The server never imports client code: what both sides need lives in schema/.',
};
const NO_INTERFACE = {
  regex: '^(@map(/|$)|(\\.\\./)+(map|app|ui)(/|$))',
  message: 'The sync layer and the dictionaries sit below the interface: they never import it.',
};
const NO_FEATURE_FILES = {
  regex: '^@map/[\\w-]+/',
  message: "Use another feature through its index (@map/<feature>), not its files: they are that feature's own.",
};
const NO_LEAVING_FEATURE = {
  regex: '^\\.\\.(/|$)',
  message: 'Another feature through @map/<feature>; the schema, sync layer and dictionaries through their aliases.',
};

/**
 * The features of the map page (client/src/map/<feature>/) and the ones each may use,
 * through their index. Listing them keeps the features acyclic: shared is pure logic,
 * ui-kit the pieces every component uses, header and the page sit on top.
 */
const FEATURES = {
  shared: [],
  'ui-kit': ['shared'],
  dialogs: ['shared', 'ui-kit'],
  privacy: ['shared', 'ui-kit', 'dialogs'],
  review: ['shared', 'ui-kit', 'dialogs', 'privacy'],
  filters: ['shared', 'ui-kit', 'review'],
  search: ['shared', 'ui-kit', 'filters'],
  list: ['shared', 'ui-kit', 'filters', 'review'],
  canvas: ['shared', 'ui-kit', 'dialogs', 'filters', 'review'],
  panel: ['shared', 'ui-kit', 'dialogs', 'privacy', 'review'],
  header: ['shared', 'ui-kit', 'canvas', 'dialogs', 'privacy', 'review'],
};

/** What every file of a feature folder may not import. */
function featureRules(feature) {
  const others = Object.keys(FEATURES).filter((f) => f !== feature && !FEATURES[feature].includes(f));
  const patterns = [
    NO_SERVER,
    NO_YJS,
    NO_FEATURE_FILES,
    NO_LEAVING_FEATURE,
    {
      regex: `^@map(/${feature})?$`,
      message: `Inside ${feature}/, import its own files with ./ (its index, or the page, would import it back).`,
    },
  ];
  if (others.length) {
    patterns.push({
      regex: `^@map/(${others.join('|')})$`,
      message: `${feature}/ may use ${FEATURES[feature].join(', ') || 'no other feature'}: the others sit above it.`,
    });
  }
  if (feature === 'shared') {
    patterns.push({
      regex: '^(solid-js|@i18n|@sync)(/|$)',
      message: 'map/shared/ is pure logic (no Solid, no interface language), so unit tests load it as it is.',
    });
  }
  return patterns;
}

const restrict = (patterns) => ({ rules: { 'no-restricted-imports': ['error', { patterns }] } });

export default tseslint.config(
  { ignores: ['dist/**', 'dist-e2e/**', 'data/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
    },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly' } },
  },
  {
    // The one source of truth both sides import: it imports nothing but itself, yjs and lib0.
    files: ['schema/**'],
    ...restrict([
      {
        regex: '^(?!\\./|yjs$|lib0(/|$))',
        message: 'schema/ imports only its own modules (./), yjs and lib0: both the client and the server import it.',
      },
    ]),
  },
  { files: ['server/**'], ...restrict([NO_CLIENT]) },
  { files: ['client/**'], ...restrict([NO_SERVER, NO_YJS]) },
  { files: ['client/src/sync/**'], ...restrict([NO_SERVER, NO_INTERFACE]) },
  { files: ['client/src/i18n/**'], ...restrict([NO_SERVER, NO_YJS, NO_INTERFACE]) },
  {
    // The app (entry, routes, start and join pages) uses the map page through @map only.
    files: ['client/src/app/**'],
    ...restrict([
      NO_SERVER,
      NO_YJS,
      { regex: '^@map/', message: 'The app uses the map page through @map, not its features.' },
      { regex: '^\\.\\.(/|$)', message: 'Outside app/, import through the aliases (@map, @sync/…, @i18n, @schema).' },
    ]),
  },
  {
    // The map page composes the features: through their index, never their files.
    files: ['client/src/map/*.ts', 'client/src/map/*.tsx'],
    ...restrict([
      NO_SERVER,
      NO_YJS,
      NO_FEATURE_FILES,
      { regex: '^\\./[\\w-]+/', message: 'Use a feature through its index (@map/<feature>), not its files.' },
    ]),
  },
  // A folder under map/ not (yet) in FEATURES keeps to the rules every feature keeps to.
  { files: ['client/src/map/*/**'], ...restrict([NO_SERVER, NO_YJS, NO_FEATURE_FILES, NO_LEAVING_FEATURE]) },
  ...Object.keys(FEATURES).map((feature) => ({
    files: [`client/src/map/${feature}/**`],
    ...restrict(featureRules(feature)),
  })),
);
