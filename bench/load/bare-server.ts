import 'reflect-metadata';
import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Pool } from 'pg';

/**
 * The baseline for the autosave load test: a bare NestJS endpoint that writes one row per request
 * to the same PostgreSQL, with none of Probity's guards, validation, audit or revision checks.
 */
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

@Controller()
class BareController {
  @Post('rows')
  @HttpCode(200)
  async write(@Body() body: { key?: string; value?: string } | undefined) {
    const result = await pool.query<{ id: number }>(
      'INSERT INTO bench_rows (key, value) VALUES ($1, $2) RETURNING id',
      [String(body?.key ?? ''), String(body?.value ?? '')],
    );
    return { id: result.rows[0].id };
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

async function main(): Promise<void> {
  await pool.query('CREATE TABLE IF NOT EXISTS bench_rows (id serial PRIMARY KEY, key text, value text)');
  const app = await NestFactory.create(BareModule, { logger: false });
  await app.listen(Number(process.env.PORT), '127.0.0.1');
  process.stdout.write('bare server listening\n');
}

void main();
