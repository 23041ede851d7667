import { MigrationInterface, QueryRunner } from 'typeorm';

const CONTENT_COLUMNS = [
  'seq',
  'agency_id',
  'actor_type',
  'actor_id',
  'actor_label',
  'action',
  'subject_type',
  'subject_id',
  'before',
  'after',
  'occurred_at',
];
const row = (alias: string) => `ROW(${CONTENT_COLUMNS.map((column) => `${alias}."${column}"`).join(', ')})`;

/**
 * Audit entries are written unchained by the request (no per-agency lock held through its commit) and
 * chained afterwards by one appender per agency. hash becomes nullable, chain_seq holds the position
 * the appender gives, and the append-only trigger lets exactly one update through: filling the chain
 * fields of a pending entry, its content unchanged. Existing entries keep their links and are numbered
 * 1, 2, … per agency in seq order (the order they were chained in).
 */
export class AuditPendingChain1796322143403 implements MigrationInterface {
  name = 'AuditPendingChain1796322143403';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_entries" ADD "chain_seq" bigint`);
    await queryRunner.query(`ALTER TABLE "audit_entries" DISABLE TRIGGER "audit_entries_append_only"`);
    await queryRunner.query(`
      UPDATE "audit_entries" AS entry SET "chain_seq" = numbered.position
      FROM (SELECT "seq", row_number() OVER (PARTITION BY "agency_id" ORDER BY "seq") AS position FROM "audit_entries") AS numbered
      WHERE entry."seq" = numbered."seq"`);
    await queryRunner.query(`ALTER TABLE "audit_entries" ENABLE TRIGGER "audit_entries_append_only"`);
    await queryRunner.query(`ALTER TABLE "audit_entries" ALTER COLUMN "hash" DROP NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE "audit_entries" ADD CONSTRAINT "audit_entries_chained_whole" CHECK (
        ("hash" IS NULL AND "previous_hash" IS NULL AND "chain_seq" IS NULL) OR ("hash" IS NOT NULL AND "chain_seq" IS NOT NULL))`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "audit_entries_chain_position" ON "audit_entries" ("agency_id", "chain_seq")`,
    );
    await queryRunner.query(
      `CREATE INDEX "audit_entries_pending" ON "audit_entries" ("agency_id", "seq") WHERE "hash" IS NULL`,
    );
    await queryRunner.query(`
      CREATE FUNCTION "probity_audit_chain_once"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD."hash" IS NULL AND NEW."hash" IS NOT NULL
           AND ${row('NEW')} IS NOT DISTINCT FROM ${row('OLD')} THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION '% is append-only: rows are never updated or deleted', TG_TABLE_NAME;
      END
      $$`);
    await queryRunner.query(`DROP TRIGGER "audit_entries_append_only" ON "audit_entries"`);
    await queryRunner.query(
      `CREATE TRIGGER "audit_entries_append_only" BEFORE UPDATE OR DELETE ON "audit_entries" FOR EACH ROW EXECUTE FUNCTION "probity_audit_chain_once"()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "audit_entries_append_only" ON "audit_entries"`);
    await queryRunner.query(`DROP FUNCTION "probity_audit_chain_once"()`);
    await queryRunner.query(
      `CREATE TRIGGER "audit_entries_append_only" BEFORE UPDATE OR DELETE ON "audit_entries" FOR EACH ROW EXECUTE FUNCTION "probity_refuse_change"()`,
    );
    await queryRunner.query(`DROP INDEX "audit_entries_pending"`);
    await queryRunner.query(`DROP INDEX "audit_entries_chain_position"`);
    await queryRunner.query(`ALTER TABLE "audit_entries" DROP CONSTRAINT "audit_entries_chained_whole"`);
    // Entries still pending cannot be kept by a schema that requires a hash: chain them before going down.
    await queryRunner.query(`ALTER TABLE "audit_entries" ALTER COLUMN "hash" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "audit_entries" DROP COLUMN "chain_seq"`);
  }
}
