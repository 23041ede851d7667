import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a case stopped taking responses, if the officer closed (or cancelled) it before its deadline.
 * Providers are told this moment, not the original deadline. Cases closed before this migration get
 * the time of their recorded transition out of "open" from the audit trail.
 */
export class ResponsesClosedAt1764800000000 implements MigrationInterface {
  name = 'ResponsesClosedAt1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "procurement_cases" ADD COLUMN "responses_closed_at" timestamptz`);
    await queryRunner.query(`
      UPDATE "procurement_cases" AS c SET "responses_closed_at" = (
        SELECT min(a."occurred_at") FROM "audit_entries" AS a
        WHERE a."subject_type" = 'case' AND a."subject_id" = c."id"::text AND a."action" = 'case.transition'
          AND a."before"->>'status' = 'open'
      )
      WHERE c."status" NOT IN ('draft', 'open')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "procurement_cases" DROP COLUMN "responses_closed_at"`);
  }
}
