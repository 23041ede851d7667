import { ConflictException, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { aCase, aPanel, aStaffUser } from '@probity/testing';
import { CreateCaseInput } from './cases.service';
import { casesServiceDoubles } from './service-doubles';

describe('CasesService (unit, mocked repositories)', () => {
  const draft = aCase({ status: 'draft' });
  const input = {
    reference: draft.reference,
    title: draft.title,
    description: draft.description,
    intendedUse: draft.intendedUse,
    aiActClassification: draft.aiActClassification,
    responsesDue: draft.responsesDue,
    criteriaWeights: draft.criteriaWeights as CreateCaseInput['criteriaWeights'],
    questionnaireKey: 'unit-test',
  };

  /** Doubles whose questionnaire choice is the given version of a unit-test template; a new reference is free. */
  const withTemplateVersion = (version: number) => {
    const doubles = casesServiceDoubles();
    doubles.templates.choose.mockResolvedValue({
      key: 'unit-test',
      version,
      definition: draft.questionnaireDefinition,
    });
    doubles.caseRepository.existsWithReference.mockResolvedValue(false);
    doubles.caseRepository.insert.mockImplementation(async (created: object) => created);
    return doubles;
  };

  describe('createCase', () => {
    it('422s weights that do not add up and 409s a reference the agency already used', async () => {
      const doubles = casesServiceDoubles();
      await expect(
        doubles.cases.createCase(draft.agencyId, {
          ...input,
          criteriaWeights: { ...input.criteriaWeights, fairness: 150 },
        }),
      ).rejects.toBeInstanceOf(UnprocessableEntityException);

      doubles.templates.choose.mockResolvedValue({
        key: 'unit-test',
        version: 1,
        definition: draft.questionnaireDefinition,
      });
      doubles.caseRepository.existsWithReference.mockResolvedValue(true);
      await expect(doubles.cases.createCase(draft.agencyId, input)).rejects.toBeInstanceOf(ConflictException);
      expect(doubles.caseRepository.insert).not.toHaveBeenCalled();
    });

    it('copies the chosen questionnaire into a draft case and records its creation', async () => {
      const doubles = withTemplateVersion(2);
      const created = await doubles.cases.createCase(draft.agencyId, input);
      expect(created).toMatchObject({ status: 'draft', questionnaireVersion: 2, panel: [] });
      expect(created.questionnaireDefinition).not.toBe(draft.questionnaireDefinition);
      expect(doubles.audit.recordChange).toHaveBeenCalledWith(
        expect.anything(),
        expect.objectContaining({ action: 'case.created', subject: { type: 'case', id: created.id } }),
      );
    });
  });

  describe('case scope', () => {
    const withTemplate = () => withTemplateVersion(1);

    it('422s a scope whose parts contradict each other, naming the problem', async () => {
      const doubles = withTemplate();
      const contradictory = {
        annexIII: ['6d' as const],
        remoteBiometricIdentification: 'post' as const,
        personalData: true,
      };
      await expect(
        doubles.cases.createCase(draft.agencyId, { ...input, aiActClassification: contradictory }),
      ).rejects.toMatchObject({ response: { message: [expect.stringMatching(/include 1a/)] } });
      expect(doubles.caseRepository.insert).not.toHaveBeenCalled();
    });

    it('fixes the scope in the case’s questionnaire copy, so the copy’s hash names its scope', async () => {
      const doubles = withTemplate();
      const biometric = {
        annexIII: ['1a' as const],
        remoteBiometricIdentification: 'post' as const,
        personalData: true,
      };
      const first = await doubles.cases.createCase(draft.agencyId, { ...input, aiActClassification: biometric });
      const second = await doubles.cases.createCase(draft.agencyId, input);
      expect(first.questionnaireDefinition).toMatchObject({ caseScope: biometric });
      expect(first.aiActClassification).toEqual(biometric);
      expect(first.questionnaireHash).not.toBe(second.questionnaireHash);
    });
  });

  describe('setPanel', () => {
    const officer = aStaffUser({ agencyId: draft.agencyId, role: 'procurement_officer' });
    const reviewer = aStaffUser({ agencyId: draft.agencyId, role: 'legal_reviewer', name: 'Dana Legal' });

    it('404s a case of another agency', async () => {
      const doubles = casesServiceDoubles();
      doubles.given(draft);
      await expect(doubles.cases.setPanel('another-agency', draft.id, [])).rejects.toBeInstanceOf(NotFoundException);
    });

    it('422s a member outside the agency or seated in a role they do not have', async () => {
      const doubles = casesServiceDoubles();
      doubles.given(draft);
      doubles.identity.staffOfAgency.mockResolvedValue([officer, reviewer]);
      const problem = await doubles.cases
        .setPanel(draft.agencyId, draft.id, [
          { userId: officer.id, role: 'evaluator' },
          { userId: 'stranger', role: 'evaluator' },
        ])
        .catch((error: unknown) => error);
      expect(problem).toBeInstanceOf(UnprocessableEntityException);
      expect((problem as UnprocessableEntityException).getResponse()).toMatchObject({
        message: [
          'Ada Officer has the procurement officer role, not evaluator.',
          "stranger is not a member of your agency's staff.",
        ],
      });
      expect(doubles.caseRepository.setPanel).not.toHaveBeenCalled();
    });

    it('409s a change after sign-off and saves a valid panel', async () => {
      const signed = casesServiceDoubles();
      signed.given({ ...draft, status: 'signed_off' });
      await expect(signed.cases.setPanel(draft.agencyId, draft.id, [])).rejects.toBeInstanceOf(ConflictException);

      const doubles = casesServiceDoubles();
      doubles.given(draft);
      doubles.identity.staffOfAgency.mockResolvedValue([reviewer]);
      const panel = aPanel([reviewer]);
      await doubles.cases.setPanel(draft.agencyId, draft.id, panel);
      expect(doubles.caseRepository.setPanel).toHaveBeenCalledWith(draft.id, panel);
      expect(doubles.outbox.add).not.toHaveBeenCalled();
    });
  });

  describe('transition', () => {
    it('404s an unknown case and 409s a step the lifecycle does not allow', async () => {
      const doubles = casesServiceDoubles();
      doubles.caseRepository.lockForUpdate.mockResolvedValue(null);
      await expect(doubles.cases.transition(draft.id, 'open')).rejects.toBeInstanceOf(NotFoundException);

      doubles.given(draft);
      await expect(doubles.cases.transition(draft.id, 'evaluation')).rejects.toBeInstanceOf(ConflictException);
      await expect(doubles.cases.transition(draft.id, 'signed_off')).rejects.toBeInstanceOf(ConflictException);
    });

    it('queues the evaluation start in the same unit of work when evaluation begins', async () => {
      const doubles = casesServiceDoubles();
      doubles.given({ ...draft, status: 'closed', version: 7 });
      await doubles.cases.transition(draft.id, 'evaluation');
      expect(doubles.caseRepository.save).toHaveBeenCalledWith(expect.objectContaining({ status: 'evaluation' }));
      expect(doubles.outbox.add).toHaveBeenCalledWith(
        'evaluation.start',
        { caseId: draft.id },
        { jobId: `evaluation-${draft.id}-7` },
      );
      expect(doubles.jobsOutsideUnitOfWork).toEqual([]);
    });
  });
});
