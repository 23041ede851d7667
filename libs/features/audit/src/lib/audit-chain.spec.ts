import fc from 'fast-check';
import { createHash } from 'node:crypto';
import {
  ACTOR_TYPES,
  AuditEntryContent,
  canonicalEntry,
  canonicalJson,
  chainBatch,
  chainHash,
  ChainedAuditEntry,
  ChainLink,
  ChainVerifier,
  JsonValue,
  PendingAuditEntry,
  verifyChain,
} from './audit-chain';
import { anAuditInput } from '../testing/audit-inputs';

const agencyId = '5f0c6a8e-3f42-4a4b-9f53-3b8f0f1c2d11';

function content(overrides: Partial<AuditEntryContent> = {}): AuditEntryContent {
  return {
    ...anAuditInput(agencyId, { actorLabel: 'Ada Officer' }),
    occurredAt: new Date('2026-11-23T10:00:00.000Z'),
    ...overrides,
  } as AuditEntryContent;
}

/** Appends the way AuditTrail.record does: each entry hashes its predecessor's hash. */
function chain(contents: AuditEntryContent[], seqs: number[] = contents.map((_, index) => index + 1)) {
  const entries: ChainedAuditEntry[] = [];
  contents.forEach((entry, index) => {
    const previousHash = entries.at(-1)?.hash ?? null;
    entries.push({
      ...entry,
      seq: seqs[index],
      chainSeq: seqs[index],
      previousHash,
      hash: chainHash(previousHash, entry),
    });
  });
  return entries;
}

describe('canonicalEntry', () => {
  it('does not depend on key order, at any depth', () => {
    const a = content({ after: { status: 'published', meta: { b: 1, a: [{ y: 2, x: 1 }] } } });
    const b = content({ after: { meta: { a: [{ x: 1, y: 2 }], b: 1 }, status: 'published' } });
    expect(canonicalEntry(a)).toBe(canonicalEntry(b));
    expect(canonicalEntry(a)).toContain('{"a":[{"x":1,"y":2}],"b":1}');
  });

  it('writes dates as ISO strings, whether given as Date or string', () => {
    const asDate = content({ occurredAt: new Date('2026-11-23T10:00:00Z') });
    const asString = content({ occurredAt: '2026-11-23T11:00:00+01:00' });
    expect(canonicalEntry(asDate)).toBe(canonicalEntry(asString));
    expect(canonicalEntry(asDate)).toContain('"occurredAt":"2026-11-23T10:00:00.000Z"');
    expect(canonicalJson({ at: new Date('2026-01-02T03:04:05.006Z') })).toBe('{"at":"2026-01-02T03:04:05.006Z"}');
  });

  it('ignores the chain fields and keeps explicit nulls', () => {
    const entry = content({ actorId: null, before: null });
    const stored = { ...entry, seq: 7, chainSeq: 3, previousHash: 'a'.repeat(64), hash: 'b'.repeat(64) };
    expect(canonicalEntry(stored)).toBe(canonicalEntry(entry));
    expect(canonicalEntry(entry)).toContain('"actorId":null');
    expect(canonicalEntry(entry)).not.toContain('seq');
    expect(canonicalEntry(entry)).not.toContain('chainSeq');
  });

  it('survives a JSON round trip, as through jsonb, unchanged', () => {
    const entry = content({
      after: { z: 1.5, a: ['x', null, true], nested: { '': 0, ['__proto__']: 'kept' } } as JsonValue,
    });
    const roundTripped = JSON.parse(JSON.stringify(entry)) as AuditEntryContent;
    expect(canonicalEntry(roundTripped)).toBe(canonicalEntry(entry));
    expect(canonicalEntry(entry)).toContain('"__proto__"');
  });

  it('refuses an invalid date rather than hashing "null"', () => {
    expect(() => canonicalEntry(content({ occurredAt: 'not a date' }))).toThrow(/Not a valid date/);
  });
});

describe('chainHash', () => {
  it('is SHA-256 hex over the previous hash, a newline and the canonical entry', () => {
    const entry = content();
    const previous = 'c'.repeat(64);
    const expected = createHash('sha256')
      .update(`${previous}\n${canonicalEntry(entry)}`)
      .digest('hex');
    expect(chainHash(previous, entry)).toBe(expected);
    expect(chainHash(null, entry)).toBe(
      createHash('sha256')
        .update(`\n${canonicalEntry(entry)}`)
        .digest('hex'),
    );
    expect(chainHash(null, entry)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with the previous hash, so identical entries at different places differ', () => {
    const [first, second] = chain([content(), content()]);
    expect(first.hash).not.toBe(second.hash);
  });
});

describe('verifyChain', () => {
  const entries = chain([
    content(),
    content({ action: 'response.viewed', subjectType: 'response', subjectId: 'r-1', before: null, after: null }),
    content({ actorType: 'system', actorId: null, actorLabel: 'Scoring job', action: 'response.scored' }),
    content({ action: 'case.transition', before: { status: 'published' }, after: { status: 'closed' } }),
  ]);

  it('accepts an intact chain, including an empty one and gaps in seq', () => {
    expect(verifyChain(entries)).toEqual({ valid: true, checked: 4 });
    expect(verifyChain([])).toEqual({ valid: true, checked: 0 });
    const withGaps = chain([content(), content(), content()], [3, 10, 11]);
    expect(verifyChain(withGaps)).toEqual({ valid: true, checked: 3 });
  });

  it('detects an edited field at the edited entry', () => {
    const edited = entries.map((entry) => ({ ...entry }));
    edited[2].after = { status: 'scored', score: 100 };
    expect(verifyChain(edited)).toEqual({ valid: false, checked: 3, brokenAt: 3, reason: 'hash-mismatch' });
  });

  it('detects a deleted entry in the middle, at the start and as a seq gap with no link', () => {
    expect(verifyChain([entries[0], entries[2], entries[3]])).toEqual({
      valid: false,
      checked: 2,
      brokenAt: 3,
      reason: 'previous-hash-mismatch',
    });
    expect(verifyChain(entries.slice(1))).toMatchObject({
      valid: false,
      brokenAt: 2,
      reason: 'previous-hash-mismatch',
    });
  });

  it('detects reordered entries, whether seq was kept or swapped along', () => {
    expect(verifyChain([entries[0], entries[2], entries[1], entries[3]])).toMatchObject({
      valid: false,
      brokenAt: 3,
      reason: 'previous-hash-mismatch',
    });
    // Contents swapped between two rows while seq stays in place.
    const swapped = [
      entries[0],
      { ...entries[2], seq: 2, chainSeq: 2 },
      { ...entries[1], seq: 3, chainSeq: 3 },
      entries[3],
    ];
    expect(verifyChain(swapped)).toMatchObject({ valid: false, brokenAt: 2, reason: 'previous-hash-mismatch' });
    // A row renumbered past its successor: the links still hold, but seq order no longer does.
    const renumbered = [entries[0], { ...entries[1], seq: 5, chainSeq: 5 }, entries[2], entries[3]];
    expect(verifyChain(renumbered)).toMatchObject({ valid: false, brokenAt: 3, reason: 'seq-not-increasing' });
    // The row number says nothing about the order: only the chain position does.
    const rowOrder = entries.map((entry, index) => ({ ...entry, seq: 100 - index }));
    expect(verifyChain(rowOrder)).toEqual({ valid: true, checked: 4 });
  });

  it('detects an entry re-hashed after an edit, because its successor still links to the old hash', () => {
    const edited = entries.map((entry) => ({ ...entry }));
    edited[1].actorLabel = 'Someone else';
    edited[1].hash = chainHash(edited[1].previousHash, edited[1]);
    expect(verifyChain(edited)).toMatchObject({ valid: false, brokenAt: 3, reason: 'previous-hash-mismatch' });
  });

  it('can be fed page by page and stops at the first break', () => {
    const verifier = new ChainVerifier();
    expect(verifier.push(entries[0])).toBe(true);
    expect(verifier.push(entries[1])).toBe(true);
    expect(verifier.push({ ...entries[3], previousHash: null })).toBe(false);
    expect(verifier.push(entries[3])).toBe(false);
    expect(verifier.result()).toEqual({ valid: false, checked: 3, brokenAt: 4, reason: 'previous-hash-mismatch' });
  });
});

describe('verifyChain (property)', () => {
  const json: fc.Arbitrary<JsonValue> = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<JsonValue>;
  const text = fc.string({ maxLength: 40 });
  const date = fc.date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2100-01-01T00:00:00Z'),
    noInvalidDate: true,
  });
  const hash = fc.stringMatching(/^[0-9a-f]{64}$/);

  /** Any value of each content field. */
  const contentFields = {
    agencyId: fc.option(fc.uuid(), { nil: null }),
    actorType: fc.constantFrom(...ACTOR_TYPES),
    actorId: fc.option(text, { nil: null }),
    actorLabel: text,
    action: text,
    subjectType: text,
    subjectId: text,
    before: fc.option(json, { nil: null }),
    after: fc.option(json, { nil: null }),
    occurredAt: date,
  };
  const contentArb: fc.Arbitrary<AuditEntryContent> = fc.record(contentFields);

  /** A replacement value for each stored field the hash covers (seq names the row, chainSeq is the order). */
  const replacement: Record<Exclude<keyof ChainedAuditEntry, 'seq' | 'chainSeq'>, fc.Arbitrary<unknown>> = {
    ...contentFields,
    previousHash: fc.option(hash, { nil: null }),
    hash,
  };
  const edit = fc
    .constantFrom(...(Object.keys(replacement) as (keyof typeof replacement)[]))
    .chain((field) => replacement[field].map((value) => ({ field, value })));

  it('detects any single-field edit in any entry, at that entry', () => {
    fc.assert(
      fc.property(
        fc.array(contentArb, { minLength: 1, maxLength: 6 }),
        fc.nat(),
        edit,
        (contents, position, { field, value }) => {
          const entries = chain(contents);
          expect(verifyChain(entries)).toEqual({ valid: true, checked: entries.length });

          const index = position % entries.length;
          const original = entries[index];
          const tampered = { ...original, [field]: value } as ChainedAuditEntry;
          // Only a real change counts: a Date and its ISO string, or -0 and 0, say the same thing.
          fc.pre(canonicalJson(tampered[field]) !== canonicalJson(original[field]));

          const result = verifyChain(entries.map((entry, at) => (at === index ? tampered : entry)));
          expect(result).toMatchObject({ valid: false, brokenAt: original.seq, checked: index + 1 });
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('chainBatch', () => {
  const pending = (count: number, firstSeq = 1): PendingAuditEntry[] =>
    Array.from({ length: count }, (_, index) => ({
      ...content({ subjectId: `case-${index}`, after: { index } }),
      seq: firstSeq + index * 3,
    }));

  it('starts an empty chain at position 1 with no previous hash, each entry linking to the one before', () => {
    const entries = pending(3);
    const links = chainBatch(null, entries);
    expect(links.map((link) => [link.seq, link.chainSeq])).toEqual([
      [1, 1],
      [4, 2],
      [7, 3],
    ]);
    expect(links[0].previousHash).toBeNull();
    expect(links[1].previousHash).toBe(links[0].hash);
    expect(links[2].hash).toBe(chainHash(links[1].hash, entries[2]));
    expect(verifyChain(entries.map((entry, index) => ({ ...entry, ...links[index] })))).toEqual({
      valid: true,
      checked: 3,
    });
  });

  it('continues after the tip of the chain and chains nothing for an empty batch', () => {
    const tip = { chainSeq: 41, hash: 'c'.repeat(64) };
    const [first, second] = chainBatch(tip, pending(2, 100));
    expect(first).toEqual({
      seq: 100,
      chainSeq: 42,
      previousHash: tip.hash,
      hash: chainHash(tip.hash, pending(1, 100)[0]),
    });
    expect(second.previousHash).toBe(first.hash);
    expect(chainBatch(tip, [])).toEqual([]);
  });

  it('gives the same chain whatever the batch size (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 31 }), (count, batchSize) => {
        const entries = pending(count);
        const whole = chainBatch(null, entries);
        const inBatches: ChainLink[] = [];
        for (let start = 0; start < entries.length; start += batchSize) {
          const last = inBatches.at(-1);
          inBatches.push(
            ...chainBatch(
              last ? { chainSeq: last.chainSeq, hash: last.hash } : null,
              entries.slice(start, start + batchSize),
            ),
          );
        }
        expect(inBatches).toEqual(whole);
      }),
      { numRuns: 100 },
    );
  });
});
