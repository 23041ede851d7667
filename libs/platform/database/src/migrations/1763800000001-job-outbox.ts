import { MigrationInterface, QueryRunner } from 'typeorm';

export class JobOutbox1763800000001 implements MigrationInterface {
  name = 'JobOutbox1763800000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "job_outbox" (
        "id" uuid PRIMARY KEY,
        "job_name" varchar(100) NOT NULL,
        "job_id" varchar(200) NOT NULL,
        "payload" jsonb NOT NULL,
        "delay_ms" integer NOT NULL DEFAULT 0,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "dispatched_at" timestamptz,
        "dispatch_attempts" integer NOT NULL DEFAULT 0,
        "last_error" text
      )`);
    await queryRunner.query(
      `CREATE INDEX "job_outbox_pending" ON "job_outbox" ("created_at") WHERE "dispatched_at" IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "job_outbox"`);
  }
}
