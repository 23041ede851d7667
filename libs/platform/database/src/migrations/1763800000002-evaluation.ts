import { MigrationInterface, QueryRunner } from 'typeorm';

export class Evaluation1763800000002 implements MigrationInterface {
  name = 'Evaluation1763800000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "conflict_declarations" (
        "id" uuid PRIMARY KEY,
        "case_id" uuid NOT NULL,
        "evaluator_id" uuid NOT NULL,
        "has_conflict" boolean NOT NULL,
        "statement" text NOT NULL,
        "declared_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "conflict_declarations_once" UNIQUE ("case_id", "evaluator_id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "panel_scores" (
        "id" uuid PRIMARY KEY,
        "case_id" uuid NOT NULL,
        "response_id" uuid NOT NULL,
        "question_name" varchar(200) NOT NULL,
        "evaluator_id" uuid NOT NULL,
        "score" smallint NOT NULL CHECK ("score" BETWEEN 0 AND 4),
        "justification" text NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "panel_scores_one_per_evaluator" UNIQUE ("response_id", "question_name", "evaluator_id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "panel_submissions" (
        "id" uuid PRIMARY KEY,
        "case_id" uuid NOT NULL,
        "response_id" uuid NOT NULL,
        "evaluator_id" uuid NOT NULL,
        "submitted_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "panel_submissions_once" UNIQUE ("response_id", "evaluator_id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "moderated_scores" (
        "id" uuid PRIMARY KEY,
        "case_id" uuid NOT NULL,
        "response_id" uuid NOT NULL,
        "question_name" varchar(200) NOT NULL,
        "consensus_score" smallint NOT NULL CHECK ("consensus_score" BETWEEN 0 AND 4),
        "reason" text NOT NULL,
        "moderated_by" uuid NOT NULL,
        "moderated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "moderated_scores_once" UNIQUE ("response_id", "question_name")
      )`);
    await queryRunner.query(`
      CREATE TABLE "response_scores" (
        "id" uuid PRIMARY KEY,
        "case_id" uuid NOT NULL,
        "response_id" uuid NOT NULL,
        "response_revision" integer NOT NULL,
        "scoring_version" varchar(40) NOT NULL,
        "input_hash" varchar(64) NOT NULL,
        "overall" double precision,
        "sheet" jsonb NOT NULL,
        "findings" jsonb NOT NULL,
        "computed_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "response_scores_once" UNIQUE ("response_id", "response_revision", "scoring_version", "input_hash")
      )`);
    await queryRunner.query(`CREATE INDEX "response_scores_by_case" ON "response_scores" ("case_id")`);
    await queryRunner.query(`
      CREATE TABLE "case_comparisons" (
        "id" uuid PRIMARY KEY,
        "case_id" uuid NOT NULL,
        "input_hash" varchar(64) NOT NULL,
        "comparison" jsonb NOT NULL,
        "computed_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "case_comparisons_once" UNIQUE ("case_id", "input_hash")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'case_comparisons',
      'response_scores',
      'moderated_scores',
      'panel_submissions',
      'panel_scores',
      'conflict_declarations',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
