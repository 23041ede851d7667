import { MigrationInterface, QueryRunner } from 'typeorm';

const POINTS = ['1a', '1b', '1c', '6a', '6b', '6c', '6d', '6e', '7', '8'];

/**
 * The AI Act classification of a case becomes the structured case scope the officer sets (Annex III
 * points, remote biometric identification mode, personal data), which decides the questions every
 * provider answers. Older cases held a free-form point ("1(a) remote biometric identification
 * (post)") and two flags; the points named in it are carried over and the old value is kept under
 * `legacy`. Their frozen questionnaire copies are left as they were published.
 */
export class CaseScope1796304653693 implements MigrationInterface {
  name = 'CaseScope1796304653693';

  async up(queryRunner: QueryRunner): Promise<void> {
    const rows: Array<{ id: string; classification: Record<string, unknown> }> = await queryRunner.query(
      `SELECT "id", "ai_act_classification" AS "classification" FROM "procurement_cases"
       WHERE NOT ("ai_act_classification" ? 'remoteBiometricIdentification')`,
    );
    for (const row of rows) {
      const text = typeof row.classification['annexIII'] === 'string' ? row.classification['annexIII'] : '';
      const named = [...text.matchAll(/\b([1678])\s*(?:\(([a-e])\))?/g)].map((match) => match[1] + (match[2] ?? ''));
      const annexIII = POINTS.filter((point) => named.includes(point));
      const remoteBiometricIdentification = annexIII.includes('1a')
        ? /real.?time/i.test(text)
          ? 'real-time'
          : 'post'
        : 'none';
      const scope = { annexIII, remoteBiometricIdentification, personalData: true, legacy: row.classification };
      await queryRunner.query(`UPDATE "procurement_cases" SET "ai_act_classification" = $1 WHERE "id" = $2`, [
        JSON.stringify(scope),
        row.id,
      ]);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "procurement_cases" SET "ai_act_classification" = "ai_act_classification"->'legacy'
       WHERE "ai_act_classification" ? 'legacy'`,
    );
  }
}
