import { MigrationInterface, QueryRunner } from 'typeorm';

/** The agency's own FRIA text per Art. 27(1) heading, and its record of stakeholder consultations. */
export class Fria1796322268841 implements MigrationInterface {
  name = 'Fria1796322268841';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "fria_headings" (
        "case_id" uuid NOT NULL CONSTRAINT "fria_headings_case_id_fkey" REFERENCES "procurement_cases" ("id"),
        "heading_key" varchar(1) NOT NULL,
        "text" text NOT NULL,
        "written_by" uuid NOT NULL,
        "written_by_name" varchar(300) NOT NULL,
        "written_at" timestamptz NOT NULL,
        CONSTRAINT "fria_headings_pkey" PRIMARY KEY ("case_id", "heading_key"),
        CONSTRAINT "fria_headings_key_check" CHECK ("heading_key" IN ('a', 'b', 'c', 'd', 'e', 'f'))
      )`);
    await queryRunner.query(`
      CREATE TABLE "stakeholder_consultations" (
        "id" uuid PRIMARY KEY,
        "case_id" uuid NOT NULL CONSTRAINT "stakeholder_consultations_case_id_fkey" REFERENCES "procurement_cases" ("id"),
        "consulted_group" varchar(40) NOT NULL,
        "stakeholder" varchar(300) NOT NULL,
        "held_on" date NOT NULL,
        "said" text NOT NULL,
        "changed" text NOT NULL,
        "recorded_by" uuid NOT NULL,
        "recorded_by_name" varchar(300) NOT NULL,
        "recorded_at" timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "stakeholder_consultations"`);
    await queryRunner.query(`DROP TABLE "fria_headings"`);
  }
}
