import fc from 'fast-check';

/** Generators of hostile input for test/security/hostile-input.e2e-spec.ts: bodies, path segments, queries. */

/** Keys that pollute prototypes when a parser or a merge copies them naively. */
const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'toString', 'hasOwnProperty'];
/** Names the real forms and DTOs use, so junk reaches validation and the services behind it. */
const KNOWN_KEYS = [
  '_csrf',
  '_revision',
  'email',
  'password',
  'token',
  'to',
  'members',
  'question',
  'answer',
  'reason',
  'questionName',
  'weights',
  'amount',
  'reviewers',
  'returnToSection',
  'law_misuse',
  'organisationName',
  'contactEmails',
  'criteriaWeights',
  'aiActClassification',
];

const key = fc.oneof(fc.constantFrom(...POLLUTING_KEYS), fc.constantFrom(...KNOWN_KEYS), fc.string({ maxLength: 12 }));
/** Text PostgreSQL cannot store: NUL anywhere in it, UTF-16 surrogates without their partner. */
const unstorableText = fc.oneof(
  fc
    .tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }))
    .map(([before, after]) => `${before}\u0000${after}`),
  fc
    .tuple(fc.string({ maxLength: 20 }), fc.constantFrom('\ud800', '\udfff', '\udbff\ud800', '\udc00\ud83d'))
    .map(([text, lone]) => `${text}${lone}${text}`),
);
/** Beyond every integer column and offset: 2^63 and more, as numbers and as the digits a query carries. */
const hugeNumber = fc.oneof(
  fc.constantFrom(1e20, -1e20, 2 ** 63, 1e21, Number.MAX_VALUE, -Number.MAX_VALUE),
  fc.bigInt({ min: 2n ** 63n, max: 10n ** 30n }).map(String),
);
/** Longer than any text column or index entry, still under the 1 MB body limit. */
const veryLongString = fc
  .tuple(fc.constantFrom('x', 'é', '字', '😀', 'a b '), fc.integer({ min: 3_000, max: 60_000 }))
  .map(([unit, times]) => unit.repeat(times));
/** Values that fit in a URL: Node answers a request line over 16 KB itself, with a bare 431. */
const shortScalar = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '-1', 'NaN', '1e309', 'true', 'null', '../../etc/passwd', '<script>x</script>'),
  unstorableText,
  hugeNumber,
  fc.integer({ min: 500, max: 2_000 }).map((length) => 'q'.repeat(length)),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 1e308),
  fc.boolean(),
  fc.constant(null),
);
const scalar = fc.oneof(shortScalar, veryLongString);
const { value: junk } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(key, tie('value')), { maxLength: 5 }).map((entries) => new RawObject(entries)),
  ),
}));

/** A JSON object written out key by key, so `__proto__` and duplicate keys reach the parser as sent. */
class RawObject {
  constructor(readonly entries: Array<[string, unknown]>) {}
}

function rawJson(value: unknown): string {
  if (value instanceof RawObject)
    return `{${value.entries.map(([name, inner]) => `${JSON.stringify(name)}:${rawJson(inner)}`).join(',')}}`;
  if (Array.isArray(value)) return `[${value.map(rawJson).join(',')}]`;
  return JSON.stringify(value) ?? 'null';
}

function formPairs(value: unknown, prefix = ''): Array<[string, string]> {
  if (value instanceof RawObject)
    return value.entries.flatMap(([name, inner]) => formPairs(inner, prefix ? `${prefix}[${name}]` : name));
  if (Array.isArray(value)) return value.flatMap((inner) => formPairs(inner, prefix ? `${prefix}[]` : '0'));
  return [[prefix || 'value', String(value)]];
}

export interface HostileBody {
  kind: string;
  contentType?: string;
  contentEncoding?: string;
  body?: Buffer;
}

/** Counterexamples print as their kind and a readable prefix, not as a megabyte of byte values. */
function described(body: HostileBody): HostileBody {
  const preview = body.body ? JSON.stringify(body.body.subarray(0, 120).toString('utf8')) : '(none)';
  return Object.assign(body, {
    [fc.toStringMethod]: () =>
      `${body.kind} ${body.contentType ?? ''}${body.contentEncoding ? ` (${body.contentEncoding})` : ''} ${body.body?.length ?? 0} bytes: ${preview}`,
  });
}

/** Just over the 1 MB body limit; built once, they are large, and sent once per route kind below. */
export const OVERSIZED_BODIES: HostileBody[] = [
  { kind: 'huge-json', contentType: 'application/json', body: Buffer.from(`{"question":"${'x'.repeat(1_100_000)}"}`) },
  {
    kind: 'huge-form',
    contentType: 'application/x-www-form-urlencoded',
    body: Buffer.from(`question=${'y'.repeat(1_100_000)}`),
  },
];

export const hostileBody: fc.Arbitrary<HostileBody> = fc
  .oneof(
    junk.map((value) => ({ kind: 'json', contentType: 'application/json', body: Buffer.from(rawJson(value)) })),
    junk.map((value) => ({
      kind: 'form',
      contentType: 'application/x-www-form-urlencoded',
      body: Buffer.from(new URLSearchParams(formPairs(value)).toString()),
    })),
    fc
      .constantFrom(
        '{"__proto__":{"polluted":"yes","role":"admin"}}',
        '{"constructor":{"prototype":{"polluted":"yes"}}}',
        '{"_revision":{"__proto__":{"polluted":"yes"}},"answers":{"__proto__":{"polluted":"yes"}}}',
      )
      .map((text) => ({ kind: 'pollution', contentType: 'application/json', body: Buffer.from(text) })),
    fc
      .constantFrom('__proto__[polluted]=yes', 'constructor[prototype][polluted]=yes', '__proto__=x&_revision[]=1')
      .map((text) => ({
        kind: 'pollution-form',
        contentType: 'application/x-www-form-urlencoded',
        body: Buffer.from(text),
      })),
    fc
      .oneof(
        fc.string({ maxLength: 60 }),
        fc.constantFrom('{', '{"a":', '[1,2', '{"a":1}}', "{'a':1}", 'undefined', '\u0000'),
      )
      .map((text) => ({ kind: 'invalid-json', contentType: 'application/json', body: Buffer.from(text) })),
    fc
      .tuple(
        fc.constantFrom(
          'text/plain',
          'application/xml',
          'text/html',
          'application/octet-stream',
          'multipart/form-data',
          'multipart/form-data; boundary=xyz',
          'application/json; charset=utf-7',
          'application/x-www-form-urlencoded; charset=koi8-r',
          'image/png',
          'application/json; boundary=--',
          ';;;',
        ),
        fc.string({ maxLength: 80 }),
      )
      .map(([contentType, text]) => ({ kind: 'wrong-content-type', contentType, body: Buffer.from(text) })),
    fc.constantFrom('gzip', 'deflate', 'br', 'x-unknown').map((contentEncoding) => ({
      kind: 'bad-encoding',
      contentType: 'application/json',
      contentEncoding,
      body: Buffer.from('{"not":"compressed"}'),
    })),
    fc.constant({ kind: 'no-body' }),
    fc
      .tuple(fc.integer({ min: 100, max: 5_000 }), fc.constantFrom('[', '{"answers":'), key)
      .map(([depth, opening, name]) => ({
        kind: 'deep-json',
        contentType: 'application/json',
        body: Buffer.from(
          `{${JSON.stringify(name)}:${opening.repeat(depth)}1${(opening === '[' ? ']' : '}').repeat(depth)}}`,
        ),
      })),
    junk.map((value) => {
      const boundary = 'hostile-boundary-7MA4YWxkTrZu0gW';
      const parts = formPairs(value).map(
        ([name, text]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${text}\r\n`,
      );
      return {
        kind: 'multipart',
        contentType: `multipart/form-data; boundary=${boundary}`,
        body: Buffer.from(`${parts.join('')}--${boundary}--\r\n`),
      };
    }),
    fc
      .tuple(fc.string({ minLength: 1, maxLength: 8 }), fc.integer({ min: 1000, max: 3000 }))
      .map(([unit, times]) => unit.repeat(times))
      .map((text) => ({
        kind: 'long-field',
        contentType: 'application/json',
        body: Buffer.from(JSON.stringify({ question: text, answer: text, reason: text, email: text, password: text })),
      })),
  )
  .map(described);

export const hostileSegment = fc.oneof(
  fc.string({ minLength: 1, maxLength: 30 }),
  fc.constantFrom('..', '%2e%2e', '-1', '1e9', '00000000-0000-0000-0000-000000000000', '__proto__', ' ', '%00', 'ä'),
  // Segments are percent-encoded on the way (a lone surrogate cannot be: encodeURIComponent refuses it).
  unstorableText.filter((text) => !/[\ud800-\udfff]/.test(text)),
  hugeNumber.map(String),
  fc.integer({ min: 300, max: 2_000 }).map((length) => 's'.repeat(length)),
);

export const hostileQuery = fc.array(
  fc.tuple(fc.oneof(key, fc.constantFrom('page', 'pageSize', 'lang', 'notice')), shortScalar),
  {
    maxLength: 4,
  },
);
