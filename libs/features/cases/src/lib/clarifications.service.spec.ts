import { ConflictException, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { AuditTrail } from '@probity/audit';
import type { UnitOfWork } from '@probity/database';
import { aCase, aResponse, aStaffPrincipal } from '@probity/testing';
import { ProcurementCase, ProviderResponse } from './case.entities';
import type { ClarificationRepository } from './clarification.repository';
import { ClarificationsService, MAX_CLARIFICATION_LENGTH } from './clarifications.service';

describe('ClarificationsService (unit, mocked repository)', () => {
  const procurementCase = aCase() as ProcurementCase;
  const asker = aResponse({ caseId: procurementCase.id }) as ProviderResponse;
  const officer = { type: 'staff' as const, id: 'officer-1', label: 'Ada Officer (procurement officer)' };
  const clarificationId = '0b8a4c1e-2f3d-4e5f-8a9b-0c1d2e3f4a5b';

  function service() {
    const transaction = { inTransaction: true };
    const unitOfWork = { run: jest.fn((work: () => Promise<unknown>) => work()), transaction };
    const repository = {
      insert: jest.fn(async (clarification: object) => clarification),
      findById: jest.fn(),
      lockOfAgency: jest.fn(),
      findOfAgency: jest.fn(),
      publish: jest.fn(),
    };
    const audit = { recordChange: jest.fn() };
    const clarifications = new ClarificationsService(
      unitOfWork as unknown as UnitOfWork,
      repository as unknown as ClarificationRepository,
      audit as unknown as AuditTrail,
    );
    return { clarifications, repository, audit, unitOfWork };
  }

  it('422s an empty or over-long question and 409s one after the questions deadline', async () => {
    const { clarifications, repository } = service();
    await expect(clarifications.ask(asker, procurementCase, '   ')).rejects.toBeInstanceOf(
      UnprocessableEntityException,
    );
    await expect(
      clarifications.ask(asker, procurementCase, 'x'.repeat(MAX_CLARIFICATION_LENGTH + 1)),
    ).rejects.toBeInstanceOf(UnprocessableEntityException);
    const late = { ...procurementCase, questionsDue: new Date(Date.now() - 86_400_000) };
    await expect(clarifications.ask(asker, late, 'Is on-premises hosting required?')).rejects.toBeInstanceOf(
      ConflictException,
    );
    expect(repository.insert).not.toHaveBeenCalled();
  });

  it('records a question as asked by the provider', async () => {
    const { clarifications, audit } = service();
    const asked = await clarifications.ask(asker, procurementCase, ' Is on-premises hosting required? ');
    expect(asked).toMatchObject({ question: 'Is on-premises hosting required?', publishedAt: null });
    expect(audit.recordChange).toHaveBeenCalledWith(
      { type: 'provider', id: asker.id, label: asker.organisationName },
      expect.objectContaining({ action: 'clarification.asked' }),
    );
  });

  it('422s an empty answer, 404s an unknown or malformed id and 409s a published one', async () => {
    const { clarifications, repository } = service();
    const agencyId = procurementCase.agencyId;
    await expect(clarifications.answer(agencyId, clarificationId, { answer: ' ' }, officer)).rejects.toBeInstanceOf(
      UnprocessableEntityException,
    );
    await expect(clarifications.answer(agencyId, 'nope', { answer: 'Yes.' }, officer)).rejects.toBeInstanceOf(
      NotFoundException,
    );
    repository.lockOfAgency.mockResolvedValue(null);
    await expect(clarifications.answer(agencyId, clarificationId, { answer: 'Yes.' }, officer)).rejects.toBeInstanceOf(
      NotFoundException,
    );
    repository.lockOfAgency.mockResolvedValue({ id: clarificationId, question: 'Q?', publishedAt: new Date() });
    await expect(clarifications.answer(agencyId, clarificationId, { answer: 'Yes.' }, officer)).rejects.toBeInstanceOf(
      ConflictException,
    );
    expect(repository.publish).not.toHaveBeenCalled();
  });

  it('publishes the reworded question in one unit of work the caller can join', async () => {
    const { clarifications, repository, unitOfWork } = service();
    repository.lockOfAgency.mockResolvedValue({ id: clarificationId, question: 'Our product X?', publishedAt: null });
    repository.findById.mockResolvedValue({ id: clarificationId, question: 'A product?', answer: 'Yes.' });
    const published = await clarifications.answer(
      procurementCase.agencyId,
      clarificationId,
      { question: 'A product?', answer: ' Yes. ' },
      officer,
    );
    expect(repository.publish).toHaveBeenCalledWith(clarificationId, 'A product?', 'Yes.');
    expect(unitOfWork.run).toHaveBeenCalledTimes(1);
    expect(published).toMatchObject({ id: clarificationId, answer: 'Yes.' });
  });

  it('resolves a clarification to its case for the access policy, 404 for another agency or a malformed id', async () => {
    const { clarifications, repository } = service();
    const staff = aStaffPrincipal({ agencyId: procurementCase.agencyId });
    repository.findOfAgency.mockImplementation(async (agencyId: string, id: string) =>
      agencyId === procurementCase.agencyId && id === clarificationId ? { id, caseId: procurementCase.id } : null,
    );
    await expect(clarifications.caseIdOf(staff, clarificationId)).resolves.toBe(procurementCase.id);
    await expect(
      clarifications.caseIdOf({ ...staff, agencyId: 'another-agency' }, clarificationId),
    ).rejects.toBeInstanceOf(NotFoundException);
    await expect(clarifications.caseIdOf(staff, 'not-a-uuid')).rejects.toBeInstanceOf(NotFoundException);
    expect(repository.findOfAgency).toHaveBeenCalledTimes(2);
  });
});
