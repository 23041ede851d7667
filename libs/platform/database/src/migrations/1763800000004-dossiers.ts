import { MigrationInterface, QueryRunner } from 'typeorm';

export class Dossiers1763800000004 implements MigrationInterface {
  name = 'Dossiers1763800000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "dossier_versions" (
        "id" uuid PRIMARY KEY,
        "case_id" uuid NOT NULL REFERENCES "procurement_cases" ("id"),
        "version" integer NOT NULL,
        "status" varchar(20) NOT NULL,
        "snapshot" jsonb NOT NULL,
        "snapshot_hash" varchar(64) NOT NULL,
        "pdf" bytea,
        "pdf_sha256" varchar(64),
        "requested_at" timestamptz NOT NULL DEFAULT now(),
        "rendered_at" timestamptz,
        CONSTRAINT "dossier_versions_snapshot" UNIQUE ("case_id", "snapshot_hash"),
        CONSTRAINT "dossier_versions_number" UNIQUE ("case_id", "version")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "dossier_versions"`);
  }
}
