/**
 * Field types and their validators. Values in the document are plain JSON values
 * (string, number, boolean, string[]); every reader validates before trusting them.
 */
import type { Localized } from './i18n.js';

export type FieldValue = string | number | boolean | string[];

interface FieldBase {
  /** The Dutch and English label shown in forms and tables. */
  label: Localized;
  required?: boolean;
  /** Protected fields (contact details of persons) are for roles allowed to see them. */
  protected?: boolean;
}

export interface TextField extends FieldBase {
  type: 'text' | 'longtext';
  maxLength?: number;
}
export interface EmailField extends FieldBase {
  type: 'email';
}
export interface PhoneField extends FieldBase {
  type: 'phone';
}
export interface UrlField extends FieldBase {
  type: 'url';
}
export interface NumberField extends FieldBase {
  type: 'number';
  min?: number;
  max?: number;
  integer?: boolean;
}
export interface BooleanField extends FieldBase {
  type: 'boolean';
}
export interface DateField extends FieldBase {
  type: 'date';
}
export interface EnumField extends FieldBase {
  type: 'enum';
  options: Record<string, Localized>;
}
export interface TagsField extends FieldBase {
  type: 'tags';
  maxItems?: number;
}

export type FieldDef =
  TextField | EmailField | PhoneField | UrlField | NumberField | BooleanField | DateField | EnumField | TagsField;

/** Error codes; their Dutch and English messages live in i18n.ts. */
export type FieldErrorCode =
  | 'required'
  | 'wrongType'
  | 'tooLong'
  | 'invalidEmail'
  | 'invalidPhone'
  | 'invalidUrl'
  | 'invalidNumber'
  | 'tooSmall'
  | 'tooBig'
  | 'notInteger'
  | 'invalidDate'
  | 'unknownOption'
  | 'tooManyItems'
  | 'notForResidents'
  | 'onlyForResidents'
  | 'protectedField';

export interface FieldError {
  code: FieldErrorCode;
  params?: Record<string, string | number>;
}

export type FieldResult = { ok: true; value: FieldValue | undefined } | { ok: false; error: FieldError };

const DEFAULT_TEXT_MAX = 500;
const LONGTEXT_MAX = 5000;
const TAG_MAX = 80;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Digits with the usual separators; at least 6 digits, at most 20 characters in all.
const PHONE_RE = /^\+?[0-9 ()\-./]{6,20}$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

function fail(code: FieldErrorCode, params?: FieldError['params']): FieldResult {
  return params ? { ok: false, error: { code, params } } : { ok: false, error: { code } };
}

/**
 * Validates and normalises one value (trims strings, dedups tags). `undefined` (or an
 * empty value) means "no value" and is valid unless the field is required.
 */
export function validateField(def: FieldDef, value: unknown): FieldResult {
  if (isEmpty(value)) return def.required ? fail('required') : { ok: true, value: undefined };
  switch (def.type) {
    case 'text':
    case 'longtext': {
      if (typeof value !== 'string') return fail('wrongType');
      const v = value.trim();
      const max = def.maxLength ?? (def.type === 'longtext' ? LONGTEXT_MAX : DEFAULT_TEXT_MAX);
      return v.length > max ? fail('tooLong', { max }) : { ok: true, value: v };
    }
    case 'email': {
      if (typeof value !== 'string') return fail('wrongType');
      const v = value.trim();
      return EMAIL_RE.test(v) && v.length <= 254 ? { ok: true, value: v } : fail('invalidEmail');
    }
    case 'phone': {
      if (typeof value !== 'string') return fail('wrongType');
      const v = value.trim();
      const digits = v.replace(/\D/g, '').length;
      return PHONE_RE.test(v) && digits >= 6 ? { ok: true, value: v } : fail('invalidPhone');
    }
    case 'url': {
      if (typeof value !== 'string') return fail('wrongType');
      const v = value.trim();
      try {
        const u = new URL(v);
        if (u.protocol !== 'http:' && u.protocol !== 'https:') return fail('invalidUrl');
      } catch {
        return fail('invalidUrl');
      }
      return v.length > 2000 ? fail('tooLong', { max: 2000 }) : { ok: true, value: v };
    }
    case 'number': {
      const n = typeof value === 'string' ? Number(value.trim().replace(',', '.')) : value;
      if (typeof n !== 'number' || !Number.isFinite(n)) return fail('invalidNumber');
      if (def.integer && !Number.isInteger(n)) return fail('notInteger');
      if (def.min !== undefined && n < def.min) return fail('tooSmall', { min: def.min });
      if (def.max !== undefined && n > def.max) return fail('tooBig', { max: def.max });
      return { ok: true, value: n };
    }
    case 'boolean':
      return typeof value === 'boolean' ? { ok: true, value } : fail('wrongType');
    case 'date': {
      if (typeof value !== 'string' || !DATE_RE.test(value)) return fail('invalidDate');
      const d = new Date(`${value}T00:00:00Z`);
      return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value
        ? fail('invalidDate')
        : { ok: true, value };
    }
    case 'enum':
      if (typeof value !== 'string') return fail('wrongType');
      return Object.hasOwn(def.options, value) ? { ok: true, value } : fail('unknownOption');
    case 'tags': {
      if (!Array.isArray(value) || !value.every((t) => typeof t === 'string')) return fail('wrongType');
      const tags = [...new Set((value as string[]).map((t) => t.trim()).filter((t) => t !== ''))];
      if (tags.some((t) => t.length > TAG_MAX)) return fail('tooLong', { max: TAG_MAX });
      const maxItems = def.maxItems ?? 50;
      if (tags.length > maxItems) return fail('tooManyItems', { max: maxItems });
      if (tags.length === 0) return def.required ? fail('required') : { ok: true, value: undefined };
      return { ok: true, value: tags };
    }
  }
}
