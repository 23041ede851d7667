import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Legal review and sign-off of dossiers. Comments, decisions and signed dossiers are append-only:
 * a trigger refuses UPDATE and DELETE, so no code path (or hand-written SQL) can rewrite a decision
 * or replace a signed PDF.
 */
export class DossierReview1764000000000 implements MigrationInterface {
  name = 'DossierReview1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "dossier_versions" ADD COLUMN "superseded_at" timestamptz`);
    await queryRunner.query(
      `ALTER TABLE "dossier_versions" ADD COLUMN "render_progress" smallint NOT NULL DEFAULT 0 CONSTRAINT "dossier_versions_render_progress_check" CHECK ("render_progress" BETWEEN 0 AND 100)`,
    );
    await queryRunner.query(`ALTER TABLE "dossier_versions" ADD COLUMN "print_status" varchar(20)`);
    await queryRunner.query(`
      CREATE TABLE "dossier_reviewers" (
        "case_id" uuid NOT NULL,
        "reviewer_id" uuid NOT NULL,
        "name" varchar(200) NOT NULL,
        "role" varchar(200) NOT NULL,
        "assigned_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("case_id", "reviewer_id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "dossier_review_comments" (
        "id" uuid PRIMARY KEY,
        "dossier_id" uuid NOT NULL REFERENCES "dossier_versions" ("id"),
        "pdf_sha256" varchar(64) NOT NULL,
        "section" varchar(200) NOT NULL,
        "author_id" uuid NOT NULL,
        "author_name" varchar(200) NOT NULL,
        "body" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX "dossier_review_comments_by_dossier" ON "dossier_review_comments" ("dossier_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "dossier_review_decisions" (
        "id" uuid PRIMARY KEY,
        "dossier_id" uuid NOT NULL REFERENCES "dossier_versions" ("id"),
        "case_id" uuid NOT NULL,
        "pdf_sha256" varchar(64) NOT NULL,
        "reviewer_id" uuid NOT NULL,
        "reviewer_name" varchar(200) NOT NULL,
        "reviewer_role" varchar(200) NOT NULL,
        "decision" varchar(30) NOT NULL,
        "conditions" text,
        "reason" text,
        "decided_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "dossier_review_decisions_kind" CHECK ("decision" IN ('approve', 'approve-with-conditions', 'request-changes')),
        CONSTRAINT "dossier_review_decisions_conditions" CHECK (("decision" = 'approve-with-conditions') = ("conditions" IS NOT NULL)),
        CONSTRAINT "dossier_review_decisions_reason" CHECK (("decision" = 'request-changes') = ("reason" IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX "dossier_review_decisions_by_dossier" ON "dossier_review_decisions" ("dossier_id", "reviewer_id", "decided_at")`,
    );
    await queryRunner.query(`
      CREATE TABLE "signed_dossiers" (
        "id" uuid PRIMARY KEY,
        "dossier_id" uuid NOT NULL REFERENCES "dossier_versions" ("id"),
        "case_id" uuid NOT NULL,
        "case_reference" varchar(100) NOT NULL,
        "version" integer NOT NULL,
        "snapshot_hash" varchar(64) NOT NULL,
        "reviewed_pdf_sha256" varchar(64) NOT NULL,
        "snapshot" jsonb NOT NULL,
        "statement" jsonb NOT NULL,
        "signature" text NOT NULL,
        "key_id" varchar(16) NOT NULL,
        "public_key" text NOT NULL,
        "pdf" bytea NOT NULL,
        "pdf_sha256" varchar(64) NOT NULL,
        "signed_at" timestamptz NOT NULL,
        CONSTRAINT "signed_dossiers_once" UNIQUE ("dossier_id"),
        CONSTRAINT "signed_dossiers_pdf" UNIQUE ("pdf_sha256")
      )`);
    await queryRunner.query(`
      CREATE FUNCTION "probity_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: rows are never updated or deleted', TG_TABLE_NAME;
      END
      $$`);
    for (const table of ['dossier_review_comments', 'dossier_review_decisions', 'signed_dossiers']) {
      await queryRunner.query(
        `CREATE TRIGGER "${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION "probity_refuse_change"()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "signed_dossiers"`);
    await queryRunner.query(`DROP TABLE "dossier_review_decisions"`);
    await queryRunner.query(`DROP TABLE "dossier_review_comments"`);
    await queryRunner.query(`DROP FUNCTION "probity_refuse_change"()`);
    await queryRunner.query(`DROP TABLE "dossier_reviewers"`);
    await queryRunner.query(`ALTER TABLE "dossier_versions" DROP COLUMN "print_status"`);
    await queryRunner.query(`ALTER TABLE "dossier_versions" DROP COLUMN "render_progress"`);
    await queryRunner.query(`ALTER TABLE "dossier_versions" DROP COLUMN "superseded_at"`);
  }
}
