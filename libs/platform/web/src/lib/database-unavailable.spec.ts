import { isDatabasePoolExhausted, isDatabaseUnavailable } from './http-error.filter';

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    ['a TypeORM error around a shutdown', Object.assign(new Error('query failed'), { driverError: { code: '57P01' } })],
    ['a connection exception (class 08)', Object.assign(new Error('x'), { code: '08006' })],
  ])('recognises %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a constraint violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'trim')")],
    ['nothing', undefined],
  ])('does not mistake %s for an outage', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('isDatabasePoolExhausted', () => {
  // pg-pool's error when no connection came free within connectionTimeoutMillis: a message, no code.
  const poolWait = () => new Error('timeout exceeded when trying to connect');

  it.each([
    ['pg-pool’s own error', poolWait()],
    ['the same error as the cause of another', new Error('could not start the transaction', { cause: poolWait() })],
    ['the same error as a driver error', Object.assign(new Error('query failed'), { driverError: poolWait() })],
  ])('recognises %s', (_name, error) => {
    expect(isDatabasePoolExhausted(error)).toBe(true);
  });

  it.each([
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    [
      'a statement timeout',
      Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }),
    ],
    ['a message that merely mentions it', new Error('Unexpected: timeout exceeded when trying to connect to SMTP')],
    ['nothing', undefined],
  ])('does not mistake %s for a full pool', (_name, error) => {
    expect(isDatabasePoolExhausted(error)).toBe(false);
  });
});
