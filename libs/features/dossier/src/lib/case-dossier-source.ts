import { ConflictException, Injectable, Logger } from '@nestjs/common';
import {
  CasesService,
  ClarificationsService,
  MethodAmendmentsService,
  methodHash,
  ResponsesService,
} from '@probity/cases';
import { IdentityService } from '@probity/identity';
import { EvaluationResultsService, StoredFindings } from '@probity/evaluation';
import { BUILT_IN_QUESTIONNAIRES, localised, QuestionnaireDefinition } from '@probity/questionnaires';
import { FriaService, ReadinessService } from '@probity/readiness';
import type { CriteriaWeights, ScoreSheet } from '@probity/scoring';
import { dossierInputFromScoring, ScoredProviderSource } from '../adapters/from-scoring';
import { DossierAgency, DossierInput, REVIEWER_ROLE_LABEL } from '../model/dossier-input';
import { isDossierLanguage } from '../model/dossier-language';
import { awardAmendment } from '../reproducible/award-amendment';
import { awardRecordFromStored, StoredAwardSource } from '../reproducible/award-record-from-case';
import { RiskRegisterAssembler } from './risk/risk-register-assembler';

/** The case has nothing to build a dossier (or a risk register) from yet: no comparison, or a response not scored. */
export class DossierNotReadyException extends ConflictException {}

/**
 * Where a case's dossier input comes from. The dossier's services only talk to this class, so the
 * rest of the dossier does not depend on how cases, scores and panels are stored; tests and other
 * callers can provide their own implementation under this token.
 */
export abstract class DossierInputSource {
  /** The input as of now; throws DossierNotReadyException when the case is not ready for a dossier. */
  abstract inputFor(caseId: string): Promise<DossierInput>;
  /** Called once the dossier is signed, to move the case to signed_off. */
  abstract markSignedOff(caseId: string): Promise<void>;
}

/**
 * The agency as its dossier names it, in the language its administrator chose. English names no
 * language, so an English dossier's content (and hash) is what it was before agencies had the setting.
 */
export async function dossierAgencyOf(identity: IdentityService, agencyId: string): Promise<DossierAgency> {
  const agency = await identity.getAgency(agencyId);
  const language = isDossierLanguage(agency.dossierLanguage) ? agency.dossierLanguage : 'en';
  return { name: agency.name, ...(language === 'en' ? {} : { language }) };
}

/** Reads stored cases, score sheets, the latest comparison and the panel's records; computes nothing. */
@Injectable()
export class CaseDossierInputSource extends DossierInputSource {
  private readonly logger = new Logger(CaseDossierInputSource.name);

  constructor(
    private readonly cases: CasesService,
    private readonly responses: ResponsesService,
    private readonly clarifications: ClarificationsService,
    private readonly identity: IdentityService,
    private readonly results: EvaluationResultsService,
    private readonly amendments: MethodAmendmentsService,
    private readonly fria: FriaService,
    private readonly readiness: ReadinessService,
    private readonly risks: RiskRegisterAssembler,
  ) {
    super();
  }

  async inputFor(caseId: string): Promise<DossierInput> {
    const procurementCase = await this.cases.getCase(caseId);
    const stored = await this.results.latestComparison(caseId);
    if (!stored)
      throw new DossierNotReadyException(
        'The case has no comparison yet: start the evaluation and let scoring finish.',
      );
    const declarations = await this.results.declarationsOf(caseId);
    const agency = await dossierAgencyOf(this.identity, procurementCase.agencyId);
    const language = agency.language;
    const definition = procurementCase.questionnaireDefinition as QuestionnaireDefinition;
    // Evaluators and moderating officers are named as their staff accounts are; an account that no
    // longer exists keeps a stable label (numbered in order of declaration).
    const staffNames = new Map(
      (await this.identity.staffOfAgency(procurementCase.agencyId)).map((user) => [user.id, user.name]),
    );
    const numbered = new Map(declarations.map((d, i) => [d.evaluatorId, `Panel member ${i + 1}`]));
    const labelOf = (id: string) => staffNames.get(id) ?? numbered.get(id) ?? `Panel member ${id.slice(0, 8)}`;
    const submitted = (await this.responses.responsesOf(caseId)).filter((response) => response.status === 'submitted');
    const providers: ScoredProviderSource[] = [];
    const awarded: StoredAwardSource['providers'] = [];
    const prices = new Map((await this.results.pricesOfCase(caseId)).map((p) => [p.responseId, p.amount] as const));
    for (const response of submitted) {
      const score = await this.results.latestScore(response.id);
      if (!score) throw new DossierNotReadyException(`${response.organisationName} is not scored yet.`);
      const findings = score.findings as StoredFindings;
      const sheet = score.sheet as ScoreSheet;
      const titleOf = (name: string) => sheet.questions.find((q) => q.questionName === name)?.title ?? name;
      const { scores: drafts, submissions, moderated } = await this.results.panelRecordOf(response.id);
      // A score counts once its evaluator submitted it; until then it is a draft they may still change.
      const submittedBy = new Set(submissions.map((submission) => submission.evaluatorId));
      const panelScores = drafts.filter((entry) => submittedBy.has(entry.evaluatorId));
      awarded.push({
        id: response.id,
        name: response.organisationName,
        answers: response.answers,
        sheet,
        rules: findings.rules,
        missingEvidence: findings.missingEvidence,
        evidence: findings.evidence,
        evidenceConfirmations: Object.fromEntries(
          (findings.evidenceConfirmations ?? []).map((verdict) => [verdict.questionName, verdict.confirmed]),
        ),
        panelScores: Object.fromEntries(moderated.map((entry) => [entry.questionName, entry.consensusScore])),
        evaluatorScores: panelScores.map((entry) => ({
          questionName: entry.questionName,
          evaluator: labelOf(entry.evaluatorId),
          score: entry.score,
        })),
        price: procurementCase.priceWeight === null ? null : (prices.get(response.id) ?? null),
      });
      providers.push({
        id: response.id,
        name: response.organisationName,
        country: response.country,
        legalIdentifiers: response.legalIdentifiers,
        submittedAt: response.submittedAt,
        submissionHash: response.submissionHash,
        answers: response.answers,
        sheet,
        findings: findings.rules,
        missingEvidence: findings.missingEvidence,
        evidence: findings.evidence,
        evidenceConfirmations: findings.evidenceConfirmations,
        justifications: panelScores
          .sort(
            (a, b) =>
              a.questionName.localeCompare(b.questionName) ||
              labelOf(a.evaluatorId).localeCompare(labelOf(b.evaluatorId)),
          )
          .map((entry) => ({
            questionName: entry.questionName,
            questionTitle: titleOf(entry.questionName),
            evaluator: labelOf(entry.evaluatorId),
            score: entry.score,
            text: entry.justification,
          })),
        moderation: moderated
          .sort((a, b) => a.questionName.localeCompare(b.questionName))
          .map((entry) => ({
            questionName: entry.questionName,
            questionTitle: titleOf(entry.questionName),
            consensusScore: entry.consensusScore,
            reason: entry.reason,
            moderatedBy: labelOf(entry.moderatedBy),
            moderatedAt: entry.moderatedAt.toISOString(),
          })),
      });
    }
    const template = BUILT_IN_QUESTIONNAIRES.find((q) => q.key === procurementCase.questionnaireKey);
    // Every answer published to the providers, as they read it (never who asked).
    const clarifications = await this.clarifications.publishedFor(caseId);
    // The panel's legal reviewers are the ones who must approve: a change to them is a new version.
    const reviewerIds = new Set(procurementCase.panel.filter((m) => m.role === 'legal_reviewer').map((m) => m.userId));
    const reviewers = [...reviewerIds]
      .flatMap((id) => (staffNames.has(id) ? [{ name: staffNames.get(id) as string, role: REVIEWER_ROLE_LABEL }] : []))
      .sort((a, b) => a.name.localeCompare(b.name));
    const amendments = await this.amendments.forCase(caseId);
    const award = awardRecordFromStored({
      caseReference: procurementCase.reference,
      questionnaire: procurementCase.questionnaireDefinition as QuestionnaireDefinition,
      questionnaireHash: procurementCase.questionnaireHash,
      weights: procurementCase.criteriaWeights as CriteriaWeights,
      priceWeight: procurementCase.priceWeight,
      publishedMethodHash: amendments.at(-1)?.methodHash ?? methodHash(procurementCase),
      amendments: amendments.map(awardAmendment),
      providers: awarded,
      comparison: stored.comparison,
    });
    const input = dossierInputFromScoring({
      agency,
      locale: language,
      case: {
        id: procurementCase.id,
        reference: procurementCase.reference,
        title: procurementCase.title,
        description: procurementCase.description,
        intendedUse: procurementCase.intendedUse,
        aiActClassification: procurementCase.aiActClassification,
        estimatedValue: procurementCase.estimatedValue,
        currency: procurementCase.currency,
        status: procurementCase.status,
        publishedAt: procurementCase.publishedAt,
        questionsDue: procurementCase.questionsDue,
        responsesDue: procurementCase.responsesDue,
        questionnaireTitle:
          (language && localised(definition.title, language)) || template?.title || procurementCase.questionnaireKey,
        questionnaireHash: procurementCase.questionnaireHash,
      },
      definition: procurementCase.questionnaireDefinition as QuestionnaireDefinition,
      weights: procurementCase.criteriaWeights as CriteriaWeights,
      providers,
      reviewers,
      clarifications: clarifications.map((c) => ({
        question: c.question,
        answer: c.answer ?? '',
        publishedAt: (c.publishedAt as Date).toISOString(),
      })),
      comparison: stored.comparison,
      panel: declarations.map((d) => ({
        name: labelOf(d.evaluatorId),
        role: 'Evaluator',
        voting: !d.hasConflict,
        conflictOfInterest: {
          declared: d.hasConflict,
          statement: d.statement,
          declaredAt: d.declaredAt.toISOString(),
          recused: d.hasConflict,
        },
      })),
    });
    // What the agency wrote as deployer; the dossier prints it apart from what providers supplied.
    const deployer = {
      ...(await this.fria.dossierPart(caseId)),
      readiness: await this.readiness.dossierPart(procurementCase),
    };
    const withAward = { ...input, award, deployer };
    // The register is read from the evaluation it documents; it never feeds back into a score or rank.
    return { ...withAward, riskRegister: await this.risks.registerFor(caseId, procurementCase.agencyId, withAward) };
  }

  async markSignedOff(caseId: string): Promise<void> {
    const procurementCase = await this.cases.getCase(caseId);
    if (procurementCase.status === 'dossier_review') await this.cases.recordSignOff(caseId);
    else
      this.logger.warn(
        { caseId, status: procurementCase.status },
        'dossier signed while the case is not in dossier_review; case status left unchanged',
      );
  }
}
