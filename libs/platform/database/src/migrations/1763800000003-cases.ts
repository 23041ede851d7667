import { MigrationInterface, QueryRunner } from 'typeorm';

export class Cases1763800000003 implements MigrationInterface {
  name = 'Cases1763800000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "procurement_cases" (
        "id" uuid PRIMARY KEY,
        "agency_name" varchar(200) NOT NULL,
        "reference" varchar(100) NOT NULL,
        "title" varchar(300) NOT NULL,
        "description" text NOT NULL,
        "intended_use" text NOT NULL,
        "ai_act_classification" jsonb NOT NULL,
        "estimated_value" numeric(16,2),
        "currency" char(3),
        "questions_due" timestamptz,
        "responses_due" timestamptz NOT NULL,
        "status" varchar(20) NOT NULL DEFAULT 'draft',
        "criteria_weights" jsonb NOT NULL,
        "questionnaire_key" varchar(100) NOT NULL,
        "questionnaire_version" integer NOT NULL,
        "questionnaire_definition" jsonb NOT NULL,
        "questionnaire_hash" varchar(64) NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "published_at" timestamptz,
        "version" integer NOT NULL,
        CONSTRAINT "procurement_cases_reference" UNIQUE ("agency_name", "reference")
      )`);
    await queryRunner.query(`
      CREATE TABLE "provider_responses" (
        "id" uuid PRIMARY KEY,
        "case_id" uuid NOT NULL REFERENCES "procurement_cases" ("id"),
        "organisation_name" varchar(300) NOT NULL,
        "country" char(2) NOT NULL,
        "legal_identifiers" jsonb NOT NULL,
        "contact_email" varchar(320) NOT NULL,
        "answers" jsonb NOT NULL DEFAULT '{}',
        "revision" integer NOT NULL DEFAULT 0,
        "status" varchar(20) NOT NULL DEFAULT 'invited',
        "submitted_at" timestamptz,
        "submission_hash" varchar(64),
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX "provider_responses_by_case" ON "provider_responses" ("case_id")`);
    await queryRunner.query(`
      CREATE TABLE "evidence_files" (
        "id" uuid PRIMARY KEY,
        "response_id" uuid NOT NULL REFERENCES "provider_responses" ("id"),
        "question_name" varchar(200) NOT NULL,
        "file_name" varchar(255) NOT NULL,
        "content_type" varchar(100) NOT NULL,
        "size_bytes" integer NOT NULL,
        "sha256" varchar(64) NOT NULL,
        "uploaded_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX "evidence_files_by_response" ON "evidence_files" ("response_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "evidence_files"`);
    await queryRunner.query(`DROP TABLE "provider_responses"`);
    await queryRunner.query(`DROP TABLE "procurement_cases"`);
  }
}
