import { MigrationInterface, QueryRunner } from 'typeorm';

/** The panel's "evidence supports the claim" verdicts: one per panel member, response and question. */
export class EvidenceConfirmations1796303921413 implements MigrationInterface {
  name = 'EvidenceConfirmations1796303921413';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "evidence_confirmations" (
        "id" uuid PRIMARY KEY,
        "case_id" uuid NOT NULL,
        "response_id" uuid NOT NULL,
        "question_name" varchar(200) NOT NULL,
        "evaluator_id" uuid NOT NULL,
        "supports" boolean NOT NULL,
        "note" text NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "evidence_confirmations_one_per_evaluator" UNIQUE ("response_id", "question_name", "evaluator_id")
      )`);
    await queryRunner.query(`CREATE INDEX "evidence_confirmations_by_case" ON "evidence_confirmations" ("case_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "evidence_confirmations"`);
  }
}
