import { agencySettingsTests } from './admin/agency-settings';
import { questionnaireTemplatesTests } from './admin/questionnaire-templates';
import { staffAccountsTests } from './admin/staff-accounts';
import { AdminWorld, startAdminWorld } from './support/admin-world';

/** Agency administration over HTTP: settings, staff accounts and questionnaire templates (real Postgres, SMTP). */
describe('agency administration', () => {
  const world = {} as AdminWorld;

  beforeAll(async () => {
    Object.assign(world, await startAdminWorld());
  });

  afterAll(async () => {
    await world.e2e?.close();
  });

  agencySettingsTests(world);

  staffAccountsTests(world);

  questionnaireTemplatesTests(world);
});
