import { MigrationInterface, QueryRunner } from 'typeorm';

/** Per-account sign-in back-off: consecutive failed sign-ins and the end of the current lock. */
export class SignInBackOff1764900000000 implements MigrationInterface {
  name = 'SignInBackOff1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "staff_users"
        ADD COLUMN "failed_sign_ins" integer NOT NULL DEFAULT 0,
        ADD COLUMN "locked_until" timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "staff_users" DROP COLUMN "locked_until", DROP COLUMN "failed_sign_ins"`);
  }
}
