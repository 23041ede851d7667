import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail: one hash chain per agency (agency_id NULL is the system-wide chain). Append-only:
 * the trigger from 1764000000000 refuses UPDATE and DELETE. agency_id has no foreign key on purpose:
 * entries must outlive whatever they describe, and the chain would break if a row could cascade away.
 */
export class Audit1764200000000 implements MigrationInterface {
  name = 'Audit1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "audit_entries" (
        "seq" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "agency_id" uuid,
        "actor_type" varchar(20) NOT NULL,
        "actor_id" varchar(100),
        "actor_label" varchar(300) NOT NULL,
        "action" varchar(100) NOT NULL,
        "subject_type" varchar(50) NOT NULL,
        "subject_id" varchar(100) NOT NULL,
        "before" jsonb,
        "after" jsonb,
        "occurred_at" timestamptz NOT NULL,
        "previous_hash" varchar(64),
        "hash" varchar(64) NOT NULL,
        CONSTRAINT "audit_entries_actor_type_check" CHECK ("actor_type" IN ('staff', 'provider', 'system')),
        CONSTRAINT "audit_entries_hash_key" UNIQUE ("hash")
      )`);
    await queryRunner.query(`CREATE INDEX "audit_entries_by_agency" ON "audit_entries" ("agency_id", "seq")`);
    await queryRunner.query(
      `CREATE INDEX "audit_entries_by_subject" ON "audit_entries" ("subject_type", "subject_id")`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "audit_entries_append_only" BEFORE UPDATE OR DELETE ON "audit_entries" FOR EACH ROW EXECUTE FUNCTION "probity_refuse_change"()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "audit_entries"`);
  }
}
