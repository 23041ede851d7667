/** A jest double of a class: every listed method a `jest.fn()`, for unit specs over mocked repositories and services. */
export type Mocked<T> = { [K in keyof T]: T[K] extends (...args: never[]) => unknown ? jest.Mock : T[K] };

export function mockOf<T>(...methods: Array<keyof T>): Mocked<T> {
  return Object.fromEntries(methods.map((method) => [method, jest.fn()])) as unknown as Mocked<T>;
}

/**
 * The class under test built over doubles given in its constructor's order. The count is checked; the
 * types are not, as a double stands in for the real dependency by design (what `as unknown as` said once
 * a parameter).
 */
export function overDoubles<Parameters extends unknown[], Built>(
  Service: new (...args: Parameters) => Built,
  ...doubles: { [K in keyof Parameters]: unknown }
): Built {
  return new Service(...(doubles as Parameters));
}

/**
 * A UnitOfWork double that runs the work at once; `transaction` and `manager` are a token the code under test
 * only hands on (to the outbox), so a spec can check it was handed the open transaction.
 */
export function inlineUnitOfWork() {
  const transaction = { inTransaction: true };
  return { run: jest.fn((work: () => Promise<unknown>) => work()), transaction, manager: transaction };
}
