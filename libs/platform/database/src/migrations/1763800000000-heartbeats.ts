import { MigrationInterface, QueryRunner } from 'typeorm';

export class Heartbeats1763800000000 implements MigrationInterface {
  name = 'Heartbeats1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "heartbeats" (
        "id" uuid PRIMARY KEY,
        "message" varchar(500) NOT NULL,
        "processed_by" varchar(200) NOT NULL,
        "attempt" integer NOT NULL,
        "completed_at" timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "heartbeats"`);
  }
}
