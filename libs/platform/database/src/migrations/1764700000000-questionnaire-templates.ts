import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An agency's own questionnaires (imported SurveyJS JSON), versioned: at most one draft per key,
 * published versions never change (an edit starts the next version) and cases copy the version
 * they were raised with.
 */
export class QuestionnaireTemplates1764700000000 implements MigrationInterface {
  name = 'QuestionnaireTemplates1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "questionnaire_templates" (
        "id" uuid PRIMARY KEY,
        "agency_id" uuid NOT NULL CONSTRAINT "questionnaire_templates_agency_id_fkey" REFERENCES "agencies" ("id"),
        "key" varchar(100) NOT NULL,
        "version" integer NOT NULL,
        "title" varchar(300) NOT NULL,
        "definition" jsonb NOT NULL,
        "content_hash" varchar(64) NOT NULL,
        "status" varchar(20) NOT NULL,
        "created_by" uuid NOT NULL CONSTRAINT "questionnaire_templates_created_by_fkey" REFERENCES "staff_users" ("id"),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "published_at" timestamptz,
        CONSTRAINT "questionnaire_templates_version" UNIQUE ("agency_id", "key", "version"),
        CONSTRAINT "questionnaire_templates_status" CHECK ("status" IN ('draft', 'published')),
        CONSTRAINT "questionnaire_templates_published_at" CHECK (("status" = 'published') = ("published_at" IS NOT NULL)),
        CONSTRAINT "questionnaire_templates_version_positive" CHECK ("version" > 0)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "questionnaire_templates_one_draft" ON "questionnaire_templates" ("agency_id", "key") WHERE "status" = 'draft'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "questionnaire_templates"`);
  }
}
