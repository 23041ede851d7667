import { ForbiddenException, NotFoundException } from '@nestjs/common';
import type { CasesService, ResponsesService } from '@probity/cases';
import type { StaffPrincipal } from '@probity/identity';
import { aDeclaration, aStaffPrincipal, mockOf } from '@probity/testing';
import { CaseAccess } from './case-access';
import { InMemoryPanelRepository, panelFixture } from './evaluation-doubles';
import type { PanelRepository } from './panel.repository';

describe('CaseAccess (unit): the policy with the facts it loads', () => {
  function access(status: Parameters<typeof panelFixture>[0] = 'evaluation') {
    const fixture = panelFixture(status);
    const panel = new InMemoryPanelRepository();
    const cases = mockOf<CasesService>('caseOfAgency');
    const responses = mockOf<ResponsesService>('responseOfAgency');
    cases.caseOfAgency.mockImplementation(async (agencyId: string, caseId: string) => {
      if (agencyId !== fixture.found.agencyId || caseId !== fixture.found.id)
        throw new NotFoundException('No such case.');
      return fixture.found;
    });
    responses.responseOfAgency.mockImplementation(async (agencyId: string, responseId: string) => {
      if (agencyId !== fixture.found.agencyId || responseId !== fixture.response.id)
        throw new NotFoundException('No such response.');
      return fixture.response;
    });
    const caseAccess = new CaseAccess(
      panel as unknown as PanelRepository,
      cases as unknown as CasesService,
      responses as unknown as ResponsesService,
    );
    return { ...fixture, panel, caseAccess };
  }

  it('404s a case or response of another agency, whoever asks', async () => {
    const { caseAccess, found, response } = access();
    const stranger = aStaffPrincipal({ role: 'admin' }) as StaffPrincipal;
    await expect(caseAccess.requireAccess(stranger, 'case.read', { caseId: found.id })).rejects.toBeInstanceOf(
      NotFoundException,
    );
    await expect(
      caseAccess.requireAccess(stranger, 'response.read', { responseId: response.id }),
    ).rejects.toBeInstanceOf(NotFoundException);
  });

  it('403s an evaluator who has not declared, with the next step, and one who declared a conflict', async () => {
    const { caseAccess, found, panel, eva, ben } = access();
    const undeclared = await caseAccess
      .requireAccess(eva, 'response.score', { caseId: found.id })
      .catch((error: unknown) => error);
    expect(undeclared).toBeInstanceOf(ForbiddenException);
    expect((undeclared as ForbiddenException).getResponse()).toMatchObject({ reason: 'declare-first' });
    panel.declarations.push(aDeclaration({ caseId: found.id, evaluatorId: ben.userId, hasConflict: true }));
    const recused = await caseAccess
      .requireAccess(ben, 'comparison.read', { caseId: found.id })
      .catch((error: unknown) => error);
    expect((recused as ForbiddenException).getResponse()).toMatchObject({ reason: 'recused' });
  });

  it('grants the seated evaluator who declared no conflict, handing back the case and the response', async () => {
    const { caseAccess, found, response, panel, eva } = access();
    panel.declarations.push(aDeclaration({ caseId: found.id, evaluatorId: eva.userId }));
    const granted = await caseAccess.requireAccess(eva, 'response.score', {
      caseId: found.id,
      responseId: response.id,
    });
    expect(granted).toEqual({ procurementCase: found, response });
    // The seat alone is enough to declare.
    await expect(caseAccess.requireAccess(eva, 'panel.declare', { caseId: found.id })).resolves.toMatchObject({
      procurementCase: found,
    });
  });

  it('403s an officer asking to score, and an evaluator asking to moderate', async () => {
    const { caseAccess, found, officer, panel, eva } = access();
    panel.declarations.push(aDeclaration({ caseId: found.id, evaluatorId: eva.userId }));
    await expect(caseAccess.requireAccess(officer, 'response.score', { caseId: found.id })).rejects.toBeInstanceOf(
      ForbiddenException,
    );
    await expect(caseAccess.requireAccess(eva, 'panel.moderate', { caseId: found.id })).rejects.toBeInstanceOf(
      ForbiddenException,
    );
  });
});
