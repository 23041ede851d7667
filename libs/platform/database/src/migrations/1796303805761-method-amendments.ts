import { MigrationInterface, QueryRunner } from 'typeorm';

/** Published amendments of a tender's evaluation method (weights, price weight) before its deadline. */
export class MethodAmendments1796303805761 implements MigrationInterface {
  name = 'MethodAmendments1796303805761';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "method_amendments" (
        "id" uuid PRIMARY KEY,
        "case_id" uuid NOT NULL CONSTRAINT "method_amendments_case_id_fkey" REFERENCES "procurement_cases" ("id"),
        "number" integer NOT NULL CHECK ("number" >= 1),
        "changes" jsonb NOT NULL,
        "reason" text NOT NULL,
        "method_hash" varchar(64) NOT NULL,
        "previous_responses_due" timestamptz NOT NULL,
        "new_responses_due" timestamptz,
        "published_at" timestamptz NOT NULL,
        "published_by" uuid NOT NULL,
        "published_by_name" varchar(300) NOT NULL,
        CONSTRAINT "method_amendments_case_number" UNIQUE ("case_id", "number")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "method_amendments"`);
  }
}
