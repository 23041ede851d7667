import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * One storage for the whole process, not per instance: every module that lists UnitOfWork gets its own
 * instance, and they must all see the same open transaction.
 */
const openTransaction = new AsyncLocalStorage<EntityManager>();

/**
 * The transaction open in this async context, if any: for infrastructure (the job outbox) that joins it
 * without injecting UnitOfWork.
 */
export function ambientTransaction(): EntityManager | undefined {
  return openTransaction.getStore();
}

/**
 * Transaction-scoped context: services wrap a multi-step write in `run`, and every repository (and the
 * audit trail) called inside it uses that transaction through `manager` without an EntityManager
 * travelling through public signatures.
 */
@Injectable()
export class UnitOfWork {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction; joins the caller's transaction when one is already open. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (openTransaction.getStore()) return work();
    return this.dataSource.transaction((manager) => openTransaction.run(manager, work));
  }

  /** Runs `work` inside a transaction a caller opened itself, for code not yet moved to `run`. */
  join<T>(manager: EntityManager, work: () => Promise<T>): Promise<T> {
    return openTransaction.run(manager, work);
  }

  /** The open transaction's manager, or the data source's for a single read or write. */
  get manager(): EntityManager {
    return openTransaction.getStore() ?? this.dataSource.manager;
  }

  /** The open transaction's manager; throws outside `run`, for writes that must not run on their own. */
  get transaction(): EntityManager {
    const manager = openTransaction.getStore();
    if (!manager) throw new Error('This write needs a transaction: call it inside UnitOfWork.run');
    return manager;
  }
}
