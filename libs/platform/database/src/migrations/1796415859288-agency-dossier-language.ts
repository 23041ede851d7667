import { MigrationInterface, QueryRunner } from 'typeorm';

/** The language of an agency's evaluation dossiers: English unless its administrator chooses another. */
export class AgencyDossierLanguage1796415859288 implements MigrationInterface {
  name = 'AgencyDossierLanguage1796415859288';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "agencies"
        ADD COLUMN "dossier_language" varchar(2) NOT NULL DEFAULT 'en',
        ADD CONSTRAINT "agencies_dossier_language" CHECK ("dossier_language" IN ('en', 'fr', 'es', 'ar'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agencies" DROP CONSTRAINT "agencies_dossier_language"`);
    await queryRunner.query(`ALTER TABLE "agencies" DROP COLUMN "dossier_language"`);
  }
}
