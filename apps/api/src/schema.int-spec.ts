import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createTestDatabase, servicesTestConfig, TestDatabase } from '@probity/testing';
import { createApp } from './create-app';

describe('database schema', () => {
  let database: TestDatabase;
  let app: INestApplication;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createApp(servicesTestConfig(database.url));
    await app.init();
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('built by the migrations matches every entity the application loads', async () => {
    const dataSource = app.get(DataSource);
    expect(dataSource.entityMetadatas.length).toBeGreaterThan(0);
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });
});
