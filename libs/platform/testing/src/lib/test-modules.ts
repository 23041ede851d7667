import { DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { buildDataSourceOptions } from '@probity/database';

/** TypeORM for a feature module under test, on a database made by createTestDatabase(). */
export function typeOrmTestModule(databaseUrl: string): DynamicModule {
  return TypeOrmModule.forRoot({
    ...buildDataSourceOptions({ mode: 'services', databaseUrl, dataDir: '' }),
    autoLoadEntities: true,
  });
}
