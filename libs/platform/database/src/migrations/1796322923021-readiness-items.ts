import { MigrationInterface, QueryRunner } from 'typeorm';

/** The agency's readiness checklist per case (AI Act Art. 26 and 27, Toolkit readiness). */
export class ReadinessItems1796322923021 implements MigrationInterface {
  name = 'ReadinessItems1796322923021';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "readiness_items" (
        "case_id" uuid NOT NULL CONSTRAINT "readiness_items_case_id_fkey" REFERENCES "procurement_cases" ("id"),
        "item_key" varchar(40) NOT NULL,
        "status" varchar(20) NOT NULL,
        "owner" varchar(300),
        "due_on" date,
        "evidence" text NOT NULL,
        "updated_by" uuid NOT NULL,
        "updated_by_name" varchar(300) NOT NULL,
        "updated_at" timestamptz NOT NULL,
        CONSTRAINT "readiness_items_pkey" PRIMARY KEY ("case_id", "item_key"),
        CONSTRAINT "readiness_items_status_check" CHECK ("status" IN ('not-started', 'in-progress', 'done', 'not-applicable'))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "readiness_items"`);
  }
}
