import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The per-provider risk register (rows the officer keeps, edits, adds or removes), reviewers' explicit
 * acceptances of residual risks above the agency's appetite, and each agency's appetite.
 */
export class RiskRegister1796322287223 implements MigrationInterface {
  name = 'RiskRegister1796322287223';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "risk_register_rows" (
        "id" uuid PRIMARY KEY,
        "case_id" uuid NOT NULL,
        "provider_id" uuid NOT NULL,
        "row_key" varchar(240) NOT NULL,
        "origin" varchar(20) NOT NULL,
        "content" jsonb NOT NULL,
        "edited" boolean NOT NULL DEFAULT false,
        "last_reason" text,
        "removed_at" timestamptz,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "risk_register_rows_origin_check" CHECK ("origin" IN ('proposed', 'added')),
        CONSTRAINT "risk_register_rows_one_per_key" UNIQUE ("case_id", "provider_id", "row_key")
      )`);
    await queryRunner.query(`
      CREATE TABLE "risk_acceptances" (
        "id" uuid PRIMARY KEY,
        "case_id" uuid NOT NULL,
        "provider_id" uuid NOT NULL,
        "row_key" varchar(240) NOT NULL,
        "residual" integer NOT NULL,
        "reviewer_id" uuid NOT NULL,
        "reviewer_name" varchar(200) NOT NULL,
        "reason" text NOT NULL,
        "accepted_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX "risk_acceptances_by_case" ON "risk_acceptances" ("case_id")`);
    await queryRunner.query(`
      CREATE TABLE "agency_risk_appetites" (
        "agency_id" uuid PRIMARY KEY,
        "residual_threshold" integer NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "agency_risk_appetites_threshold_check" CHECK ("residual_threshold" BETWEEN 1 AND 25)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "agency_risk_appetites"`);
    await queryRunner.query(`DROP TABLE "risk_acceptances"`);
    await queryRunner.query(`DROP TABLE "risk_register_rows"`);
  }
}
