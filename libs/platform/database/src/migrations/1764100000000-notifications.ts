import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail delivery records (idempotency of queued mails) and the deadline reminders already queued
 * per provider response.
 */
export class Notifications1764100000000 implements MigrationInterface {
  name = 'Notifications1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "mail_deliveries" (
        "idempotency_key" varchar(200) PRIMARY KEY,
        "template" varchar(50) NOT NULL,
        "recipients" jsonb NOT NULL,
        "status" varchar(10) NOT NULL,
        "message_id" varchar(500),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "sent_at" timestamptz,
        CONSTRAINT "mail_deliveries_status" CHECK ("status" IN ('sending', 'sent'))
      )`);
    await queryRunner.query(`
      CREATE TABLE "reminders_sent" (
        "response_id" uuid NOT NULL CONSTRAINT "reminders_sent_response_id_fkey" REFERENCES "provider_responses" ("id"),
        "days_before" smallint NOT NULL,
        "sent_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("response_id", "days_before"),
        CONSTRAINT "reminders_sent_days_before" CHECK ("days_before" IN (1, 3, 7))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "reminders_sent"`);
    await queryRunner.query(`DROP TABLE "mail_deliveries"`);
  }
}
