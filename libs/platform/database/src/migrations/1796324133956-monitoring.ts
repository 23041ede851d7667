import { MigrationInterface, QueryRunner } from 'typeorm';

/** Post-award monitoring: dated checks with owners and reminder state, and monthly summaries sent. */
export class Monitoring1796324133956 implements MigrationInterface {
  name = 'Monitoring1796324133956';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "monitoring_checks" (
        "id" uuid PRIMARY KEY,
        "case_id" uuid NOT NULL CONSTRAINT "monitoring_checks_case_id_fkey" REFERENCES "procurement_cases" ("id"),
        "check_key" varchar(80) NOT NULL,
        "kind" varchar(60) NOT NULL,
        "title" varchar(300) NOT NULL,
        "basis" varchar(300) NOT NULL,
        "because" text NOT NULL,
        "owner_id" uuid NOT NULL,
        "owner_name" varchar(300) NOT NULL,
        "officer_id" uuid NOT NULL,
        "due_on" date NOT NULL,
        "done_at" timestamptz,
        "reminded_at" timestamptz,
        CONSTRAINT "monitoring_checks_case_key" UNIQUE ("case_id", "check_key")
      )`);
    await queryRunner.query(`
      CREATE TABLE "monitoring_summaries" (
        "case_id" uuid NOT NULL CONSTRAINT "monitoring_summaries_case_id_fkey" REFERENCES "procurement_cases" ("id"),
        "month" varchar(7) NOT NULL,
        "sent_at" timestamptz NOT NULL,
        CONSTRAINT "monitoring_summaries_pkey" PRIMARY KEY ("case_id", "month")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "monitoring_summaries"`);
    await queryRunner.query(`DROP TABLE "monitoring_checks"`);
  }
}
