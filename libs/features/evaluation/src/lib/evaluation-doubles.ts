// Test support for the unit tier (`*.spec.ts`): evaluation's services over an in-memory panel
// repository and jest mocks of everything else, so every branch runs without PostgreSQL or NestJS.
import { NotFoundException } from '@nestjs/common';
import type { AuditTrail } from '@probity/audit';
import type {
  CasesService,
  EvidenceService,
  ProcurementCase,
  ProviderResponse,
  ResponsesService,
} from '@probity/cases';
import type { UnitOfWork } from '@probity/database';
import type { IdentityService, StaffPrincipal } from '@probity/identity';
import type { JobOutbox } from '@probity/queue';
import {
  aCase,
  aJudgedQuestionnaire,
  aPanel,
  aResponse,
  aStaffPrincipal,
  aStaffUser,
  FactoryCaseStatus,
  FactoryStaffRole,
  judgedAnswers,
  mockOf,
} from '@probity/testing';
import { randomUUID } from 'node:crypto';
import { AutomatedScoringService } from './automated-scoring.service';
import { ComparisonService } from './comparison.service';
import type { EvidenceConfirmationService } from './evidence-confirmation.service';
import { ConflictDeclarationsService } from './conflict-declarations.service';
import { ConflictDeclaration, ModeratedScore, PanelScoreEntry, PanelSubmission } from './evaluation.entities';
import { EvaluationResultsService } from './evaluation-results.service';
import { ModerationService } from './moderation.service';
import type { PanelRepository } from './panel.repository';
import { PanelService } from './panel.service';
import type { PriceRepository } from './price.repository';
import type { ScoringResultsRepository } from './scoring-results.repository';
import { ScoringWorkspaceService } from './scoring-workspace.service';
import { MethodAmendmentPublisher } from './method-amendments';
import type { MethodAmendmentsService } from '@probity/cases';
import type { Notifier } from '@probity/notifications';

/** The panel's four tables as arrays, with the repository's semantics (one declaration, upserted scores). */
export class InMemoryPanelRepository implements Pick<PanelRepository, keyof PanelRepository> {
  readonly declarations: ConflictDeclaration[] = [];
  readonly scores: PanelScoreEntry[] = [];
  readonly submissions: PanelSubmission[] = [];
  readonly consensus: ModeratedScore[] = [];

  async declarationOf(caseId: string, evaluatorId: string) {
    return this.declarations.find((d) => d.caseId === caseId && d.evaluatorId === evaluatorId) ?? null;
  }
  async declarationsOfCase(caseId: string) {
    return this.declarations.filter((d) => d.caseId === caseId);
  }
  async insertDeclaration(declaration: Omit<ConflictDeclaration, 'declaredAt'>) {
    const stored = { ...declaration, declaredAt: new Date() };
    this.declarations.push(stored);
    return stored;
  }
  async upsertScore(entry: Omit<PanelScoreEntry, 'updatedAt'>) {
    // A new row object, as a database read would return: rows read before keep their values.
    const existing = await this.scoreOf(entry.responseId, entry.evaluatorId, entry.questionName);
    const stored = existing
      ? { ...existing, score: entry.score, justification: entry.justification, updatedAt: new Date() }
      : { ...entry, updatedAt: new Date() };
    if (existing) this.scores.splice(this.scores.indexOf(existing), 1, stored);
    else this.scores.push(stored);
    return stored;
  }
  async scoreOf(responseId: string, evaluatorId: string, questionName: string) {
    return (
      this.scores.find(
        (s) => s.responseId === responseId && s.evaluatorId === evaluatorId && s.questionName === questionName,
      ) ?? null
    );
  }
  async scoresOfEvaluator(responseId: string, evaluatorId: string) {
    return this.scores.filter((s) => s.responseId === responseId && s.evaluatorId === evaluatorId);
  }
  async scoresOfEvaluatorInCase(caseId: string, evaluatorId: string) {
    return this.scores.filter((s) => s.caseId === caseId && s.evaluatorId === evaluatorId);
  }
  async scoresOfResponse(responseId: string) {
    return this.scores
      .filter((s) => s.responseId === responseId)
      .sort((a, b) => a.questionName.localeCompare(b.questionName));
  }
  async scoresOfQuestion(responseId: string, questionName: string) {
    return this.scores.filter((s) => s.responseId === responseId && s.questionName === questionName);
  }
  async scoresOfCase(caseId: string) {
    return this.scores.filter((s) => s.caseId === caseId);
  }
  async hasSubmitted(responseId: string, evaluatorId: string) {
    return Boolean(await this.submissionOf(responseId, evaluatorId));
  }
  async submissionOf(responseId: string, evaluatorId: string) {
    return this.submissions.find((s) => s.responseId === responseId && s.evaluatorId === evaluatorId) ?? null;
  }
  async insertSubmission(submission: Omit<PanelSubmission, 'submittedAt'>) {
    const stored = { ...submission, submittedAt: new Date() };
    this.submissions.push(stored);
    return stored;
  }
  async submissionsOfResponse(responseId: string) {
    return this.submissions.filter((s) => s.responseId === responseId);
  }
  async submissionsOfEvaluatorInCase(caseId: string, evaluatorId: string) {
    return this.submissions.filter((s) => s.caseId === caseId && s.evaluatorId === evaluatorId);
  }
  async submissionsOfCase(caseId: string) {
    return this.submissions.filter((s) => s.caseId === caseId);
  }
  async hasConsensus(responseId: string, questionName: string) {
    return this.consensus.some((m) => m.responseId === responseId && m.questionName === questionName);
  }
  async insertConsensus(moderated: Omit<ModeratedScore, 'moderatedAt'>) {
    const stored = { ...moderated, moderatedAt: new Date() };
    this.consensus.push(stored);
    return stored;
  }
  async consensusOfResponse(responseId: string) {
    return this.consensus.filter((m) => m.responseId === responseId);
  }
  async consensusOfResponses(responseIds: string[]) {
    return this.consensus.filter((m) => responseIds.includes(m.responseId));
  }
  async consensusOfCase(caseId: string) {
    return this.consensus.filter((m) => m.caseId === caseId);
  }
}

/** Evaluation's services wired over the in-memory panel tables and mocked collaborators. */
export function evaluationServiceDoubles() {
  // The transaction is a token here: services only hand it on (to the outbox).
  const transaction = { inTransaction: true };
  const unitOfWork = { run: jest.fn((work: () => Promise<unknown>) => work()), transaction, manager: transaction };
  const panelRepository = new InMemoryPanelRepository();
  const results = mockOf<ScoringResultsRepository>(
    'insertScoreOnce',
    'hasScore',
    'latestScoreOfRevision',
    'latestScore',
    'insertComparisonOnce',
    'comparisonWithHash',
    'latestComparison',
    'comparisonWithWeights',
  );
  const prices = mockOf<PriceRepository>('pricesOfCase', 'upsert');
  const cases = mockOf<CasesService>('getCase', 'caseOfAgency', 'lockOfAgency', 'saveAwardCriteria', 'agencyName');
  const responses = mockOf<ResponsesService>('responseOfAgency', 'responsesOf', 'getResponse', 'viewResponse');
  const evidence = mockOf<EvidenceService>('evidenceOf', 'evidenceContent');
  const identity = mockOf<IdentityService>('staffOfAgency');
  const audit = mockOf<AuditTrail>('recordChange');
  const outbox = mockOf<JobOutbox>('add', 'has');
  identity.staffOfAgency.mockResolvedValue([]);
  evidence.evidenceOf.mockResolvedValue([]);
  prices.pricesOfCase.mockResolvedValue([]);
  results.comparisonWithWeights.mockResolvedValue(null);
  outbox.add.mockImplementation(
    async (_manager: unknown, _name: string, _payload: unknown, options: { jobId: string }) => options.jobId,
  );
  cases.saveAwardCriteria.mockImplementation(async (locked: object, changes: object) => ({ ...locked, ...changes }));

  const as = <T>(double: unknown) => double as T;
  const panel = new PanelService(as<PanelRepository>(panelRepository));
  const declarations = new ConflictDeclarationsService(as<UnitOfWork>(unitOfWork), panel, as<AuditTrail>(audit));
  const scoring = new ScoringWorkspaceService(
    as<UnitOfWork>(unitOfWork),
    as<ResponsesService>(responses),
    as<EvidenceService>(evidence),
    as<IdentityService>(identity),
    panel,
    as<PanelRepository>(panelRepository),
    as<AuditTrail>(audit),
  );
  const moderation = new ModerationService(
    as<UnitOfWork>(unitOfWork),
    as<ResponsesService>(responses),
    as<IdentityService>(identity),
    panel,
    as<PanelRepository>(panelRepository),
    as<AuditTrail>(audit),
    as<JobOutbox>(outbox),
  );
  const evaluationResults = new EvaluationResultsService(
    as<ScoringResultsRepository>(results),
    as<PriceRepository>(prices),
    as<CasesService>(cases),
    as<ResponsesService>(responses),
    as<PanelRepository>(panelRepository),
  );
  const comparison = new ComparisonService(
    as<UnitOfWork>(unitOfWork),
    as<CasesService>(cases),
    as<ResponsesService>(responses),
    as<PriceRepository>(prices),
    evaluationResults,
    as<JobOutbox>(outbox),
    as<AuditTrail>(audit),
    // Freeze checks are real; publishing an amendment needs the database, so its services are not used here.
    new MethodAmendmentPublisher(
      as<UnitOfWork>(unitOfWork),
      as<MethodAmendmentsService>({}),
      as<CasesService>(cases),
      as<ResponsesService>(responses),
      as<Notifier>({}),
    ),
  );

  /** Makes the responses the case's responses, found by id within the case's agency. */
  function givenResponses(procurementCase: Pick<ProcurementCase, 'agencyId'>, ...list: ProviderResponse[]) {
    responses.responsesOf.mockImplementation(async (caseId: string) => list.filter((r) => r.caseId === caseId));
    responses.getResponse.mockImplementation(async (id: string) => {
      const found = list.find((r) => r.id === id);
      if (!found) throw new NotFoundException('No such response.');
      return found;
    });
    responses.responseOfAgency.mockImplementation(async (agencyId: string, id: string) => {
      const found = agencyId === procurementCase.agencyId ? list.find((r) => r.id === id) : undefined;
      if (!found) throw new NotFoundException('No such response.');
      return found;
    });
    responses.viewResponse.mockImplementation(async (_agencyId: string, id: string) => list.find((r) => r.id === id));
  }

  return {
    panel,
    declarations,
    scoring,
    moderation,
    evaluationResults,
    comparison,
    givenResponses,
    unitOfWork,
    transaction,
    panelRepository,
    results,
    prices,
    cases,
    responses,
    evidence,
    identity,
    audit,
    outbox,
  };
}

/**
 * A case in the given status with a panel of two evaluators and one submitted response to the
 * judged questionnaire; principals for both evaluators and the officer.
 */
export function panelFixture(status: FactoryCaseStatus = 'evaluation') {
  const agencyId = randomUUID();
  const [eva, ben] = [
    aStaffUser({ agencyId, role: 'evaluator', name: 'Eva Evaluator' }),
    aStaffUser({ agencyId, role: 'evaluator', name: 'Ben Evaluator' }),
  ];
  const found = aCase({
    agencyId,
    status,
    panel: aPanel([eva, ben]),
    questionnaireDefinition: aJudgedQuestionnaire(),
  }) as unknown as ProcurementCase;
  const response = aResponse({
    caseId: found.id,
    status: 'submitted',
    submittedAt: new Date(),
    answers: judgedAnswers(),
  }) as unknown as ProviderResponse;
  const principal = (user: { id: string; name: string; role: FactoryStaffRole }) =>
    aStaffPrincipal({ userId: user.id, agencyId, role: user.role, name: user.name }) as StaffPrincipal;
  return {
    found,
    response,
    staff: [eva, ben],
    eva: principal(eva),
    ben: principal(ben),
    officer: aStaffPrincipal({ agencyId, role: 'procurement_officer' }) as StaffPrincipal,
  };
}

/**
 * Unconfigured jest mocks of what automated and batched scoring read and write: each spec gives
 * them the answers its case needs.
 */
export function scoringDoubles() {
  return {
    cases: mockOf<CasesService>('getCase'),
    responses: mockOf<ResponsesService>('getResponse', 'getResponses', 'responsesOf'),
    evidence: mockOf<EvidenceService>('evidenceOf', 'evidenceOfResponses'),
    panel: mockOf<PanelService>('consensusScores', 'consensusScoresOf'),
    confirmations: mockOf<EvidenceConfirmationService>('verdictsOf', 'verdictsOfResponses'),
    results: mockOf<ScoringResultsRepository>(
      'insertScoreOnce',
      'insertScoresOnce',
      'latestScoreOfRevision',
      'comparisonWithHash',
      'insertComparisonOnce',
    ),
    prices: mockOf<PriceRepository>('pricesOfCase'),
  };
}

/** AutomatedScoringService over the given doubles (jest mocks or in-memory), each cast to its service. */
export function automatedScoringOver(doubles: {
  cases: unknown;
  responses: unknown;
  evidence: unknown;
  panel: unknown;
  results: unknown;
  prices: unknown;
  confirmations: unknown;
}): AutomatedScoringService {
  return new AutomatedScoringService(
    doubles.cases as CasesService,
    doubles.responses as ResponsesService,
    doubles.evidence as EvidenceService,
    doubles.panel as PanelService,
    doubles.results as ScoringResultsRepository,
    doubles.prices as PriceRepository,
    doubles.confirmations as EvidenceConfirmationService,
  );
}
