import { findInputProblem, MAX_INPUT_DEPTH } from './unstorable-input';

describe('findInputProblem', () => {
  it('accepts any well-formed text, emoji and right-to-left scripts included', () => {
    expect(findInputProblem({ answer: 'Réponse 😀 إجابة 字', list: ['a', { b: 1 }], empty: null })).toBeNull();
  });

  it('names the field holding a NUL or an unpaired surrogate, at any depth', () => {
    expect(findInputProblem({ answers: { q1: ['ok', 'bad\u0000'] } })).toEqual({
      field: 'answers.q1[1]',
      message: expect.stringMatching(/NUL character/),
    });
    expect(findInputProblem({ question: 'broken \ud800 text' })?.message).toMatch(/unpaired surrogate/);
    expect(findInputProblem({ question: 'broken \udc00' })?.field).toBe('question');
    expect(findInputProblem({ ['na\u0000me']: 'x' })?.message).toMatch(/field name that contains a NUL/);
  });

  it('refuses nesting past the limit by its top-level field, without recursion of its own', () => {
    let deep: unknown = 'leaf';
    for (let level = 0; level < 100_000; level++) deep = [deep];
    expect(findInputProblem({ email: deep })).toEqual({
      field: 'email',
      message: `is nested more than ${MAX_INPUT_DEPTH} levels deep`,
    });
    let allowed: unknown = 'leaf';
    for (let level = 0; level < MAX_INPUT_DEPTH - 1; level++) allowed = { inner: allowed };
    expect(findInputProblem(allowed)).toBeNull();
  });

  it('leaves Buffers and other non-plain objects alone', () => {
    expect(findInputProblem({ buffer: Buffer.from([0, 0, 0]), when: new Date(0) })).toBeNull();
  });
});
