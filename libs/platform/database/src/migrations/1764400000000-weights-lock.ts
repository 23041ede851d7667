import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who locked a case's award criteria weights and when. Until then the officer may change them and
 * the comparison re-runs; after the lock (by hand, or when the dossier goes to review) they are final.
 * Also the optional price criterion: its weight on the case, and each provider's price offer.
 */
export class WeightsLock1764400000000 implements MigrationInterface {
  name = 'WeightsLock1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "procurement_cases" ADD COLUMN "weights_locked_at" timestamptz`);
    await queryRunner.query(`ALTER TABLE "procurement_cases" ADD COLUMN "weights_locked_by" uuid`);
    await queryRunner.query(`ALTER TABLE "procurement_cases" ADD COLUMN "price_weight" smallint`);
    await queryRunner.query(
      `ALTER TABLE "procurement_cases" ADD CONSTRAINT "procurement_cases_price_weight" CHECK ("price_weight" BETWEEN 0 AND 100)`,
    );
    await queryRunner.query(`
      CREATE TABLE "provider_prices" (
        "response_id" uuid PRIMARY KEY CONSTRAINT "provider_prices_response_id_fkey" REFERENCES "provider_responses" ("id"),
        "case_id" uuid NOT NULL CONSTRAINT "provider_prices_case_id_fkey" REFERENCES "procurement_cases" ("id"),
        "amount" numeric(16,2) NOT NULL,
        "recorded_by" uuid NOT NULL,
        "recorded_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "provider_prices_amount" CHECK ("amount" > 0)
      )`);
    await queryRunner.query(`CREATE INDEX "provider_prices_by_case" ON "provider_prices" ("case_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "provider_prices"`);
    await queryRunner.query(`ALTER TABLE "procurement_cases" DROP CONSTRAINT "procurement_cases_price_weight"`);
    await queryRunner.query(`ALTER TABLE "procurement_cases" DROP COLUMN "price_weight"`);
    await queryRunner.query(`ALTER TABLE "procurement_cases" DROP COLUMN "weights_locked_by"`);
    await queryRunner.query(`ALTER TABLE "procurement_cases" DROP COLUMN "weights_locked_at"`);
  }
}
