/**
 * Form drafts: what an input holds while someone types (text, or a checkbox state), and
 * its conversion to the value the schema validates. Validation is the schema's own
 * (validateField), so the form refuses exactly what the operation would refuse.
 */
import {
  type FieldDef,
  type FieldError,
  type FieldValue,
  LABEL_MAX,
  type Lang,
  type Localized,
  type TextField,
  validateField,
} from '@schema';

/** Text for every input but a checkbox; a checkbox is true, false or untouched. */
export type Draft = string | boolean | undefined;

/** The label field of an item, as a field definition with the kind's own caption. */
export function labelDef(caption: Localized): TextField {
  return { type: 'text', required: true, maxLength: LABEL_MAX, label: caption };
}

export function toDraft(def: FieldDef, value: FieldValue | undefined, lang: Lang): Draft {
  if (def.type === 'boolean') return typeof value === 'boolean' ? value : undefined;
  if (value === undefined) return '';
  if (def.type === 'tags') return Array.isArray(value) ? value.join(', ') : '';
  // Dutch writes a decimal comma; validateField reads either.
  if (def.type === 'number' && lang === 'nl') return String(value).replace('.', ',');
  return String(value);
}

function fromDraft(def: FieldDef, draft: Draft): unknown {
  if (def.type === 'tags') return typeof draft === 'string' ? draft.split(',') : [];
  return draft;
}

export type DraftResult = { ok: true; value: FieldValue | undefined } | { ok: false; error: FieldError };

export function validateDraft(def: FieldDef, draft: Draft): DraftResult {
  return validateField(def, fromDraft(def, draft));
}

export interface Validated {
  values: Record<string, FieldValue | undefined>;
  errors: Record<string, FieldError>;
}

/**
 * Validates the drafts of `defs`. With `initial`, only drafts that differ from it are
 * validated and returned: an edit writes what the person changed and nothing else, so a
 * concurrent change by someone else to another field survives.
 */
export function validateDrafts(
  defs: Record<string, FieldDef>,
  drafts: Record<string, Draft>,
  initial?: Record<string, Draft>,
): Validated {
  const out: Validated = { values: {}, errors: {} };
  for (const [key, def] of Object.entries(defs)) {
    const draft = drafts[key];
    if (initial && sameDraft(draft, initial[key])) continue;
    const r = validateDraft(def, draft);
    if (r.ok) out.values[key] = r.value;
    else out.errors[key] = r.error;
  }
  return out;
}

function sameDraft(a: Draft, b: Draft): boolean {
  return (a ?? '') === (b ?? '');
}

/** Drafts for every field of `defs` from stored values. */
export function draftsOf(
  defs: Record<string, FieldDef>,
  values: Record<string, FieldValue>,
  lang: Lang,
): Record<string, Draft> {
  const out: Record<string, Draft> = {};
  for (const [key, def] of Object.entries(defs)) out[key] = toDraft(def, values[key], lang);
  return out;
}
