/** The one entry point of schema/: client and server import from here only. */
export * from './i18n.js';
export * from './fields.js';
export * from './kinds.js';
export * from './edges.js';
export * from './doc.js';
export * from './ops.js';
export * from './read.js';
export * from './migrations.js';
export * from './notes.js';
export * from './wire.js';
export * from './rules.js';
export * from './freshness.js';
export * from './activity.js';
export * from './protected.js';
export * from './erase.js';
export * from './residents.js';
