import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agencies as tenants, staff accounts with sessions and password resets, invite links that store
 * only a token's SHA-256, and clarification questions. Existing cases move from a free-text agency
 * name to an agency row of the same name.
 */
export class AgenciesStaffInvites1764300000000 implements MigrationInterface {
  name = 'AgenciesStaffInvites1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "agencies" (
        "id" uuid PRIMARY KEY,
        "name" varchar(200) NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "agencies_name" UNIQUE ("name")
      )`);
    await queryRunner.query(`
      CREATE TABLE "staff_users" (
        "id" uuid PRIMARY KEY,
        "agency_id" uuid NOT NULL CONSTRAINT "staff_users_agency_id_fkey" REFERENCES "agencies" ("id"),
        "email" varchar(320) NOT NULL,
        "name" varchar(200) NOT NULL,
        "role" varchar(30) NOT NULL,
        "password_hash" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "disabled_at" timestamptz,
        CONSTRAINT "staff_users_email" UNIQUE ("email"),
        CONSTRAINT "staff_users_role" CHECK ("role" IN ('admin', 'procurement_officer', 'evaluator', 'legal_reviewer'))
      )`);
    await queryRunner.query(`CREATE INDEX "staff_users_by_agency" ON "staff_users" ("agency_id")`);
    await queryRunner.query(`
      CREATE TABLE "staff_sessions" (
        "token_hash" varchar(64) PRIMARY KEY,
        "user_id" uuid NOT NULL CONSTRAINT "staff_sessions_user_id_fkey" REFERENCES "staff_users" ("id"),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX "staff_sessions_by_user" ON "staff_sessions" ("user_id")`);
    await queryRunner.query(`
      CREATE TABLE "password_resets" (
        "token_hash" varchar(64) PRIMARY KEY,
        "user_id" uuid NOT NULL CONSTRAINT "password_resets_user_id_fkey" REFERENCES "staff_users" ("id"),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        "used_at" timestamptz
      )`);

    await queryRunner.query(`ALTER TABLE "procurement_cases" ADD COLUMN "agency_id" uuid`);
    await queryRunner.query(
      `INSERT INTO "agencies" ("id", "name") SELECT gen_random_uuid(), "agency_name" FROM "procurement_cases" GROUP BY "agency_name"`,
    );
    await queryRunner.query(
      `UPDATE "procurement_cases" c SET "agency_id" = a."id" FROM "agencies" a WHERE a."name" = c."agency_name"`,
    );
    await queryRunner.query(`ALTER TABLE "procurement_cases" ALTER COLUMN "agency_id" SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "procurement_cases" ADD CONSTRAINT "procurement_cases_agency_id_fkey" FOREIGN KEY ("agency_id") REFERENCES "agencies" ("id")`,
    );
    await queryRunner.query(`ALTER TABLE "procurement_cases" DROP CONSTRAINT "procurement_cases_reference"`);
    await queryRunner.query(`ALTER TABLE "procurement_cases" DROP COLUMN "agency_name"`);
    await queryRunner.query(
      `ALTER TABLE "procurement_cases" ADD CONSTRAINT "procurement_cases_reference" UNIQUE ("agency_id", "reference")`,
    );
    await queryRunner.query(`ALTER TABLE "procurement_cases" ADD COLUMN "panel" jsonb NOT NULL DEFAULT '[]'`);

    await queryRunner.query(`ALTER TABLE "provider_responses" ADD COLUMN "contact_emails" jsonb`);
    await queryRunner.query(`UPDATE "provider_responses" SET "contact_emails" = jsonb_build_array("contact_email")`);
    await queryRunner.query(`ALTER TABLE "provider_responses" ALTER COLUMN "contact_emails" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "provider_responses" DROP COLUMN "contact_email"`);
    await queryRunner.query(`ALTER TABLE "provider_responses" ADD COLUMN "first_opened_at" timestamptz`);
    await queryRunner.query(`ALTER TABLE "evidence_files" ADD COLUMN "content" bytea`);

    await queryRunner.query(`
      CREATE TABLE "invite_links" (
        "id" uuid PRIMARY KEY,
        "response_id" uuid NOT NULL CONSTRAINT "invite_links_response_id_fkey" REFERENCES "provider_responses" ("id"),
        "token_hash" varchar(64) NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "revoked_at" timestamptz,
        CONSTRAINT "invite_links_token" UNIQUE ("token_hash")
      )`);
    await queryRunner.query(`CREATE INDEX "invite_links_by_response" ON "invite_links" ("response_id")`);

    await queryRunner.query(`
      CREATE TABLE "clarifications" (
        "id" uuid PRIMARY KEY,
        "case_id" uuid NOT NULL CONSTRAINT "clarifications_case_id_fkey" REFERENCES "procurement_cases" ("id"),
        "asked_by_response_id" uuid CONSTRAINT "clarifications_asked_by_response_id_fkey" REFERENCES "provider_responses" ("id"),
        "question" text NOT NULL,
        "answer" text,
        "asked_at" timestamptz NOT NULL DEFAULT now(),
        "published_at" timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX "clarifications_by_case" ON "clarifications" ("case_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "clarifications"`);
    await queryRunner.query(`DROP TABLE "invite_links"`);
    await queryRunner.query(`ALTER TABLE "evidence_files" DROP COLUMN "content"`);
    await queryRunner.query(`ALTER TABLE "provider_responses" DROP COLUMN "first_opened_at"`);
    await queryRunner.query(`ALTER TABLE "provider_responses" ADD COLUMN "contact_email" varchar(320)`);
    await queryRunner.query(`UPDATE "provider_responses" SET "contact_email" = "contact_emails" ->> 0`);
    await queryRunner.query(`ALTER TABLE "provider_responses" ALTER COLUMN "contact_email" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "provider_responses" DROP COLUMN "contact_emails"`);
    await queryRunner.query(`ALTER TABLE "procurement_cases" DROP COLUMN "panel"`);
    await queryRunner.query(`ALTER TABLE "procurement_cases" ADD COLUMN "agency_name" varchar(200)`);
    await queryRunner.query(
      `UPDATE "procurement_cases" c SET "agency_name" = a."name" FROM "agencies" a WHERE a."id" = c."agency_id"`,
    );
    await queryRunner.query(`ALTER TABLE "procurement_cases" ALTER COLUMN "agency_name" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "procurement_cases" DROP CONSTRAINT "procurement_cases_reference"`);
    await queryRunner.query(`ALTER TABLE "procurement_cases" DROP COLUMN "agency_id"`);
    await queryRunner.query(
      `ALTER TABLE "procurement_cases" ADD CONSTRAINT "procurement_cases_reference" UNIQUE ("agency_name", "reference")`,
    );
    await queryRunner.query(`DROP TABLE "password_resets"`);
    await queryRunner.query(`DROP TABLE "staff_sessions"`);
    await queryRunner.query(`DROP TABLE "staff_users"`);
    await queryRunner.query(`DROP TABLE "agencies"`);
  }
}
