import type { DataSource } from 'typeorm';

type PoolWaitReport = (waitedMs: number) => void;

let report: PoolWaitReport | undefined;

/**
 * Who hears how long each checkout of a pool connection took (the web layer's Server-Timing step
 * `pool-wait`); `undefined` stops reporting. One listener per process, like the pool itself.
 */
export function reportPoolWaits(listener: PoolWaitReport | undefined): void {
  report = listener;
}

/**
 * Times every checkout of a connection from the data source's pool: waiting for a free connection (or
 * opening a new one while the pool is below its size). TypeORM checks one out for each query outside a
 * transaction and once per transaction, always through the driver's `obtainMasterConnection`. The report
 * runs after the caller's `await`, so in the caller's async context: a request's step record sees it.
 */
export function measurePoolWaits(dataSource: DataSource): void {
  const driver = dataSource.driver as unknown as { obtainMasterConnection?: () => Promise<unknown> };
  const obtain = driver.obtainMasterConnection?.bind(driver);
  if (!obtain) return;
  driver.obtainMasterConnection = async () => {
    if (!report) return obtain();
    const started = performance.now();
    try {
      return await obtain();
    } finally {
      report?.(performance.now() - started);
    }
  };
}
