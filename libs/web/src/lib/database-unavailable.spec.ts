import { isDatabaseUnavailable } from './http-error.filter';

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
