import { describe, it, expect } from 'vitest';
import {
  EDGE_KIND_DEFS,
  MAP_ID_RE,
  NODE_KIND_DEFS,
  ROLES,
  type FieldDef,
  type FieldError,
  type FieldErrorCode,
  type FieldValue,
  fieldErrorMessage,
  isRole,
  isValidMapId,
  validateField,
} from '../../schema/index.js';

const L = { nl: 'Veld', en: 'Field' };

/** The normalised value of a valid input; fails the test if the input is refused. */
function valueOf(def: FieldDef, value: unknown): FieldValue | undefined {
  const r = validateField(def, value);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(value)} to be valid, got ${r.error.code}`);
  return r.value;
}

/** The error for an invalid input; fails the test if the input is accepted. */
function errorOf(def: FieldDef, value: unknown): FieldError {
  const r = validateField(def, value);
  if (r.ok) throw new Error(`expected ${JSON.stringify(value)} to be refused, got ${JSON.stringify(r.value)}`);
  return r.error;
}

const text: FieldDef = { type: 'text', label: L };
const longtext: FieldDef = { type: 'longtext', label: L };
const email: FieldDef = { type: 'email', label: L };
const phone: FieldDef = { type: 'phone', label: L };
const url: FieldDef = { type: 'url', label: L };
const number: FieldDef = { type: 'number', label: L };
const boolean: FieldDef = { type: 'boolean', label: L };
const date: FieldDef = { type: 'date', label: L };
const enumDef: FieldDef = { type: 'enum', options: { weak: L, strong: L }, label: L };
const tags: FieldDef = { type: 'tags', label: L };

const ALL_TYPES: [string, FieldDef][] = [
  ['text', text],
  ['longtext', longtext],
  ['email', email],
  ['phone', phone],
  ['url', url],
  ['number', number],
  ['boolean', boolean],
  ['date', date],
  ['enum', enumDef],
  ['tags', tags],
];

const EMPTY_VALUES: [string, unknown][] = [
  ['undefined', undefined],
  ['null', null],
  ['empty string', ''],
  ['whitespace string', ' \t\n '],
  ['empty array', []],
];

describe('validateField: empty values and required', () => {
  for (const [type, def] of ALL_TYPES) {
    for (const [name, empty] of EMPTY_VALUES) {
      it(`${type}: ${name} is "no value" when optional`, () => {
        expect(validateField(def, empty)).toEqual({ ok: true, value: undefined });
      });
      it(`${type}: ${name} is refused with 'required' when required`, () => {
        expect(validateField({ ...def, required: true }, empty)).toEqual({ ok: false, error: { code: 'required' } });
      });
    }
  }

  it('a required field with a real value is valid', () => {
    expect(valueOf({ ...text, required: true }, 'x')).toBe('x');
    expect(valueOf({ ...number, required: true }, 0)).toBe(0);
    expect(valueOf({ ...boolean, required: true }, false)).toBe(false);
    expect(valueOf({ ...enumDef, required: true }, 'weak')).toBe('weak');
    expect(valueOf({ ...tags, required: true }, ['a'])).toEqual(['a']);
  });

  it('false and 0 are values, not empty', () => {
    expect(validateField(boolean, false)).toEqual({ ok: true, value: false });
    expect(validateField(number, 0)).toEqual({ ok: true, value: 0 });
  });

  // Regression: blank tags normalise to "no value", which a required field must refuse.
  it('a required tags field with only blank tags is refused as required', () => {
    expect(validateField({ ...tags, required: true }, ['  ', ''])).toEqual({ ok: false, error: { code: 'required' } });
  });
});

describe('validateField: text and longtext', () => {
  it('trims', () => {
    expect(valueOf(text, '  Anna de Vries \n')).toBe('Anna de Vries');
  });

  it('defaults to 500 chars for text and 5000 for longtext', () => {
    expect(valueOf(text, 'x'.repeat(500))).toBe('x'.repeat(500));
    expect(errorOf(text, 'x'.repeat(501))).toEqual({ code: 'tooLong', params: { max: 500 } });
    expect(valueOf(longtext, 'x'.repeat(5000))).toHaveLength(5000);
    expect(errorOf(longtext, 'x'.repeat(5001))).toEqual({ code: 'tooLong', params: { max: 5000 } });
  });

  it('uses maxLength and counts the trimmed length', () => {
    const def: FieldDef = { type: 'text', maxLength: 120, label: L };
    expect(valueOf(def, `  ${'a'.repeat(120)}  `)).toBe('a'.repeat(120));
    expect(errorOf(def, 'a'.repeat(121))).toEqual({ code: 'tooLong', params: { max: 120 } });
    const long: FieldDef = { type: 'longtext', maxLength: 10, label: L };
    expect(errorOf(long, 'a'.repeat(11))).toEqual({ code: 'tooLong', params: { max: 10 } });
  });

  it('refuses non-strings with wrongType', () => {
    for (const v of [42, true, ['a'], { a: 1 }]) {
      expect(errorOf(text, v)).toEqual({ code: 'wrongType' });
      expect(errorOf(longtext, v)).toEqual({ code: 'wrongType' });
    }
  });
});

describe('validateField: email', () => {
  it('accepts and trims valid addresses', () => {
    expect(valueOf(email, 'anna@example.nl')).toBe('anna@example.nl');
    expect(valueOf(email, '  a.de-vries+buurt@sub.example.org ')).toBe('a.de-vries+buurt@sub.example.org');
  });

  it('refuses malformed addresses', () => {
    for (const v of [
      'anna',
      'anna@',
      '@example.nl',
      'anna@example',
      'an na@example.nl',
      'a@b@c.nl',
      'anna@exa mple.nl',
    ]) {
      expect(errorOf(email, v), v).toEqual({ code: 'invalidEmail' });
    }
  });

  it('allows at most 254 chars', () => {
    const at254 = `${'a'.repeat(254 - '@example.nl'.length)}@example.nl`;
    expect(at254).toHaveLength(254);
    expect(valueOf(email, at254)).toBe(at254);
    expect(errorOf(email, `a${at254}`)).toEqual({ code: 'invalidEmail' });
  });

  it('refuses non-strings with wrongType', () => {
    expect(errorOf(email, 12)).toEqual({ code: 'wrongType' });
  });
});

describe('validateField: phone', () => {
  it('accepts the usual notations and stores them as typed (trimmed)', () => {
    expect(valueOf(phone, '030-1234567')).toBe('030-1234567');
    expect(valueOf(phone, ' +31 30 123 4567 ')).toBe('+31 30 123 4567');
    expect(valueOf(phone, '(030) 123.45/67')).toBe('(030) 123.45/67');
    expect(valueOf(phone, '123456')).toBe('123456');
  });

  it('needs 6 to 20 chars (after an optional +) and at least 6 digits', () => {
    expect(errorOf(phone, '12345')).toEqual({ code: 'invalidPhone' });
    expect(errorOf(phone, '1-2-3-4-5')).toEqual({ code: 'invalidPhone' });
    expect(errorOf(phone, '------')).toEqual({ code: 'invalidPhone' });
    expect(valueOf(phone, '1'.repeat(20))).toBe('1'.repeat(20));
    expect(valueOf(phone, `+${'1'.repeat(20)}`)).toBe(`+${'1'.repeat(20)}`);
    expect(errorOf(phone, '1'.repeat(21))).toEqual({ code: 'invalidPhone' });
  });

  it('refuses letters and misplaced plus signs', () => {
    for (const v of ['030-CALL-ME', 'abc123456', '++31301234567', '030+1234567', '030#1234567']) {
      expect(errorOf(phone, v), v).toEqual({ code: 'invalidPhone' });
    }
  });

  it('refuses numbers (not strings) with wrongType', () => {
    expect(errorOf(phone, 301234567)).toEqual({ code: 'wrongType' });
  });
});

describe('validateField: url', () => {
  it('accepts and trims http and https addresses', () => {
    expect(valueOf(url, 'https://example.nl')).toBe('https://example.nl');
    expect(valueOf(url, ' http://buurt.example.nl/pad?q=1#x ')).toBe('http://buurt.example.nl/pad?q=1#x');
  });

  it('refuses every other protocol, javascript: included', () => {
    for (const v of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html,<b>x</b>',
      'ftp://example.nl',
      'mailto:anna@example.nl',
      'file:///etc/passwd',
    ]) {
      expect(errorOf(url, v), v).toEqual({ code: 'invalidUrl' });
    }
  });

  it('refuses what does not parse as a URL', () => {
    for (const v of ['example.nl', 'www.example.nl', 'http://', 'https//example.nl']) {
      expect(errorOf(url, v), v).toEqual({ code: 'invalidUrl' });
    }
  });

  it('allows at most 2000 chars', () => {
    const base = 'https://example.nl/';
    const at2000 = base + 'a'.repeat(2000 - base.length);
    expect(valueOf(url, at2000)).toBe(at2000);
    expect(errorOf(url, `${at2000}a`)).toEqual({ code: 'tooLong', params: { max: 2000 } });
  });

  it('refuses non-strings with wrongType', () => {
    expect(errorOf(url, { href: 'https://example.nl' })).toEqual({ code: 'wrongType' });
  });
});

describe('validateField: number', () => {
  it('accepts finite numbers', () => {
    expect(valueOf(number, 42)).toBe(42);
    expect(valueOf(number, -3.25)).toBe(-3.25);
    expect(valueOf(number, 0)).toBe(0);
  });

  it('converts numeric strings, trimmed, with a comma as decimal separator', () => {
    expect(valueOf(number, '12')).toBe(12);
    expect(valueOf(number, ' 3,5 ')).toBe(3.5);
    expect(valueOf(number, '1.25')).toBe(1.25);
    expect(valueOf(number, '-7')).toBe(-7);
  });

  it('refuses non-numbers and non-finite numbers with invalidNumber', () => {
    for (const v of ['abc', '12abc', '1,2,3', NaN, Infinity, -Infinity, 'Infinity', true, { n: 1 }, [1]]) {
      expect(errorOf(number, v), String(v)).toEqual({ code: 'invalidNumber' });
    }
  });

  it('checks integer, then min and max, with params', () => {
    const def: FieldDef = { type: 'number', integer: true, min: 0, max: 100, label: L };
    expect(valueOf(def, 0)).toBe(0);
    expect(valueOf(def, 100)).toBe(100);
    expect(valueOf(def, '55')).toBe(55);
    expect(errorOf(def, 2.5)).toEqual({ code: 'notInteger' });
    expect(errorOf(def, '2,5')).toEqual({ code: 'notInteger' });
    expect(errorOf(def, -1.5)).toEqual({ code: 'notInteger' });
    expect(errorOf(def, -1)).toEqual({ code: 'tooSmall', params: { min: 0 } });
    expect(errorOf(def, 101)).toEqual({ code: 'tooBig', params: { max: 100 } });
  });

  it('uses the limits of the real kinds', () => {
    const area = NODE_KIND_DEFS.area.fields;
    expect(errorOf(area.figuresYear!, 1899)).toEqual({ code: 'tooSmall', params: { min: 1900 } });
    expect(errorOf(area.figuresYear!, 2101)).toEqual({ code: 'tooBig', params: { max: 2100 } });
    expect(valueOf(area.lowIncomePct!, '12,5')).toBe(12.5);
    expect(errorOf(area.population!, 10.5)).toEqual({ code: 'notInteger' });
    expect(errorOf(NODE_KIND_DEFS.initiative.fields.budgetRequest!, 10_000_001)).toEqual({
      code: 'tooBig',
      params: { max: 10_000_000 },
    });
  });
});

describe('validateField: boolean', () => {
  it('accepts only true and false', () => {
    expect(valueOf(boolean, true)).toBe(true);
    expect(valueOf(boolean, false)).toBe(false);
    for (const v of ['true', 'false', 1, 0, 'ja'])
      expect(errorOf(boolean, v), String(v)).toEqual({ code: 'wrongType' });
  });
});

describe('validateField: date', () => {
  it('accepts real calendar dates as yyyy-mm-dd', () => {
    expect(valueOf(date, '2026-02-28')).toBe('2026-02-28');
    expect(valueOf(date, '2024-02-29')).toBe('2024-02-29');
    expect(valueOf(date, '2026-12-31')).toBe('2026-12-31');
  });

  it('refuses dates that do not exist', () => {
    for (const v of [
      '2026-02-30',
      '2026-02-29',
      '2023-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
    ]) {
      expect(errorOf(date, v), v).toEqual({ code: 'invalidDate' });
    }
  });

  it('refuses other shapes, untrimmed strings and non-strings', () => {
    for (const v of ['2026-2-3', '26-02-03', '03-02-2026', '2026/02/03', '2026-02-03T10:00', ' 2026-02-03', 20260203]) {
      expect(errorOf(date, v), String(v)).toEqual({ code: 'invalidDate' });
    }
    expect(errorOf(date, new Date('2026-02-03'))).toEqual({ code: 'invalidDate' });
  });
});

describe('validateField: enum', () => {
  it('accepts option keys only', () => {
    expect(valueOf(enumDef, 'weak')).toBe('weak');
    expect(errorOf(enumDef, 'medium')).toEqual({ code: 'unknownOption' });
    expect(errorOf(enumDef, 'Weak')).toEqual({ code: 'unknownOption' });
    expect(errorOf(enumDef, ' weak')).toEqual({ code: 'unknownOption' });
  });

  it('does not accept inherited object keys', () => {
    for (const v of ['toString', '__proto__', 'hasOwnProperty', 'constructor']) {
      expect(errorOf(enumDef, v), v).toEqual({ code: 'unknownOption' });
    }
  });

  it('refuses non-strings with wrongType', () => {
    expect(errorOf(enumDef, 1)).toEqual({ code: 'wrongType' });
    expect(errorOf(enumDef, ['weak'])).toEqual({ code: 'wrongType' });
  });

  it('uses the options of the real kinds', () => {
    const role = NODE_KIND_DEFS.person.fields.role!;
    expect(valueOf(role, 'resident_key_figure')).toBe('resident_key_figure');
    expect(errorOf(role, 'boss')).toEqual({ code: 'unknownOption' });
    expect(errorOf(role, undefined)).toEqual({ code: 'required' });
  });
});

describe('validateField: tags', () => {
  it('trims, drops empty tags and removes exact duplicates keeping the first', () => {
    expect(valueOf(tags, [' Arabisch ', 'Nederlands', '', '  ', 'Arabisch', 'arabisch', 'Nederlands '])).toEqual([
      'Arabisch',
      'Nederlands',
      'arabisch',
    ]);
  });

  it('is "no value" when nothing is left', () => {
    expect(validateField(tags, ['', '   '])).toEqual({ ok: true, value: undefined });
  });

  it('refuses non-arrays and arrays with non-strings', () => {
    for (const v of ['Arabisch', ['a', 2], [null], { 0: 'a' }]) {
      expect(errorOf(tags, v), JSON.stringify(v)).toEqual({ code: 'wrongType' });
    }
  });

  it('allows tags of at most 80 chars (after trimming)', () => {
    expect(valueOf(tags, [` ${'t'.repeat(80)} `])).toEqual(['t'.repeat(80)]);
    expect(errorOf(tags, ['t'.repeat(81)])).toEqual({ code: 'tooLong', params: { max: 80 } });
  });

  it('allows at most 50 items by default, counted after dedupe', () => {
    const fifty = Array.from({ length: 50 }, (_, i) => `tag${i}`);
    expect(valueOf(tags, fifty)).toEqual(fifty);
    expect(valueOf(tags, [...fifty, 'tag0', ' tag1 ', ''])).toEqual(fifty);
    expect(errorOf(tags, [...fifty, 'tag50'])).toEqual({ code: 'tooManyItems', params: { max: 50 } });
  });

  it('uses maxItems (person.languages: 20)', () => {
    const languages = NODE_KIND_DEFS.person.fields.languages!;
    const twenty = Array.from({ length: 20 }, (_, i) => `lang${i}`);
    expect(valueOf(languages, twenty)).toEqual(twenty);
    expect(errorOf(languages, [...twenty, 'extra'])).toEqual({ code: 'tooManyItems', params: { max: 20 } });
  });
});

describe('kind definitions', () => {
  it('have exactly the documented required fields', () => {
    const required = Object.fromEntries(
      Object.entries(NODE_KIND_DEFS).map(([kind, def]) => [
        kind,
        Object.entries(def.fields)
          .filter(([, f]) => f.required)
          .map(([k]) => k),
      ]),
    );
    expect(required).toEqual({
      person: ['role'],
      organisation: ['orgType'],
      initiative: ['stage'],
      place: [],
      area: ['level'],
      theme: [],
    });
    for (const def of Object.values(EDGE_KIND_DEFS)) {
      expect(Object.values(def.fields).some((f) => f.required)).toBe(false);
    }
  });

  it('mark only the contact details of persons as protected', () => {
    const prot: string[] = [];
    for (const [kind, def] of Object.entries(NODE_KIND_DEFS)) {
      for (const [key, f] of Object.entries(def.fields)) if (f.protected) prot.push(`${kind}.${key}`);
    }
    expect(prot.sort()).toEqual(['person.address', 'person.email', 'person.phone']);
  });

  it('every field of every kind treats empty as missing exactly when required', () => {
    const all = [...Object.values(NODE_KIND_DEFS), ...Object.values(EDGE_KIND_DEFS)];
    for (const kind of all) {
      for (const [key, def] of Object.entries(kind.fields)) {
        const r = validateField(def, undefined);
        expect(r.ok, key).toBe(!def.required);
      }
    }
  });
});

describe('fieldErrorMessage', () => {
  const CODES: FieldErrorCode[] = [
    'required',
    'wrongType',
    'tooLong',
    'invalidEmail',
    'invalidPhone',
    'invalidUrl',
    'invalidNumber',
    'tooSmall',
    'tooBig',
    'notInteger',
    'invalidDate',
    'unknownOption',
    'tooManyItems',
    'notForResidents',
    'onlyForResidents',
    'protectedField',
  ];

  it('has a distinct Dutch and English message for every code', () => {
    for (const code of CODES) {
      const nl = fieldErrorMessage({ code, params: { max: 1, min: 1 } }, 'nl');
      const en = fieldErrorMessage({ code, params: { max: 1, min: 1 } }, 'en');
      expect(nl, code).toMatch(/\S/);
      expect(en, code).toMatch(/\S/);
      expect(nl, code).not.toBe(en);
      expect(nl, code).not.toMatch(/[{}]/);
      expect(en, code).not.toMatch(/[{}]/);
    }
    expect(new Set(CODES.map((code) => fieldErrorMessage({ code }, 'en'))).size).toBe(CODES.length);
  });

  it('gives the plain messages', () => {
    expect(fieldErrorMessage({ code: 'required' }, 'nl')).toBe('Dit veld is verplicht.');
    expect(fieldErrorMessage({ code: 'required' }, 'en')).toBe('This field is required.');
    expect(fieldErrorMessage({ code: 'invalidDate' }, 'nl')).toBe('Geen geldige datum (jjjj-mm-dd).');
    expect(fieldErrorMessage({ code: 'invalidDate' }, 'en')).toBe('Not a valid date (yyyy-mm-dd).');
  });

  it('fills in params', () => {
    expect(fieldErrorMessage({ code: 'tooLong', params: { max: 120 } }, 'nl')).toBe('Te lang: hoogstens 120 tekens.');
    expect(fieldErrorMessage({ code: 'tooLong', params: { max: 120 } }, 'en')).toBe(
      'Too long: at most 120 characters.',
    );
    expect(fieldErrorMessage({ code: 'tooSmall', params: { min: 1900 } }, 'nl')).toBe('Minstens 1900.');
    expect(fieldErrorMessage({ code: 'tooSmall', params: { min: 1900 } }, 'en')).toBe('At least 1900.');
    expect(fieldErrorMessage({ code: 'tooBig', params: { max: 100 } }, 'nl')).toBe('Hoogstens 100.');
    expect(fieldErrorMessage({ code: 'tooBig', params: { max: 100 } }, 'en')).toBe('At most 100.');
    expect(fieldErrorMessage({ code: 'tooManyItems', params: { max: 20 } }, 'nl')).toBe('Te veel items: hoogstens 20.');
    expect(fieldErrorMessage({ code: 'tooManyItems', params: { max: 20 } }, 'en')).toBe('Too many items: at most 20.');
  });

  it('formats the errors validateField returns', () => {
    const r = validateField(NODE_KIND_DEFS.person.fields.function!, 'x'.repeat(121));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(fieldErrorMessage(r.error, 'nl')).toBe('Te lang: hoogstens 120 tekens.');
    expect(fieldErrorMessage(r.error, 'en')).toBe('Too long: at most 120 characters.');
  });
});

describe('wire: map ids and roles', () => {
  it('accepts lowercase map ids of 1 to 63 chars', () => {
    for (const id of ['demo', 'kanaleneiland-zuid', 'a', '0', 'wijk-3', 'a'.repeat(63), `x${'-'.repeat(62)}`]) {
      expect(isValidMapId(id), id).toBe(true);
    }
  });

  it('refuses anything else', () => {
    for (const id of [
      '',
      'Demo',
      'DEMO',
      '../x',
      'a/b',
      'a b',
      'a_b',
      'a.b',
      '-demo',
      'démo',
      'demo\n',
      "demo'--",
      'a'.repeat(64),
      'a'.repeat(100),
    ]) {
      expect(isValidMapId(id), JSON.stringify(id)).toBe(false);
    }
    expect(MAP_ID_RE.test('a'.repeat(64))).toBe(false);
  });

  it('isRole knows exactly the four roles', () => {
    expect([...ROLES]).toEqual(['owner', 'editor', 'contributor', 'viewer']);
    for (const r of ROLES) expect(isRole(r)).toBe(true);
    for (const x of ['admin', 'Owner', '', ' viewer', undefined, null, 1, ['owner'], { role: 'owner' }]) {
      expect(isRole(x), String(x)).toBe(false);
    }
  });
});
