export { buildDataSourceOptions } from './lib/data-source-options';
export { DatabaseModule } from './lib/database.module';
export { MIGRATIONS } from './migrations';
export { ambientTransaction, UnitOfWork } from './lib/unit-of-work';
export { measurePoolWaits, reportPoolWaits } from './lib/pool-wait';
