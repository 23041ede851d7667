import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who locked a case's award criteria weights and when. Until then the officer may change them and
 * the comparison re-runs; after the lock (by hand, or when the dossier goes to review) they are final.
 */
export class WeightsLock1764400000000 implements MigrationInterface {
  name = 'WeightsLock1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "procurement_cases" ADD COLUMN "weights_locked_at" timestamptz`);
    await queryRunner.query(`ALTER TABLE "procurement_cases" ADD COLUMN "weights_locked_by" uuid`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "procurement_cases" DROP COLUMN "weights_locked_by"`);
    await queryRunner.query(`ALTER TABLE "procurement_cases" DROP COLUMN "weights_locked_at"`);
  }
}
