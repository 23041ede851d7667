import { Controller, Get, HttpException, Param, ParseUUIDPipe, Post, Query, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { roleMay } from '@probity/access';
import { AccessGranted, CurrentStaff, RequiresAccess, StaffPrincipal } from '@probity/identity';
import { methodChange } from '@probity/cases';
import { localised, QuestionnaireDefinition, questionsOf } from '@probity/questionnaires';
import { CORE_PRINCIPLES, INSTRUMENTAL_PRINCIPLES } from '@probity/rubric';
import {
  Comparison,
  comparisonMatrix,
  comparisonSeries,
  formatScore,
  principleBarChart,
  principleRadarChart,
  PriceRanking,
  priceSensitivityStatement,
  ProviderAccuracy,
  ProviderFinding,
  sensitivityStatement,
} from '@probity/scoring';
import { accuracyRows } from './accuracy-figures';
import { Granted } from './case-access';
import { FormBody } from '@probity/web';
import { ComparisonService } from './comparison.service';
import { modelComparisonView } from './model-comparison-view';
import { amendmentConfirmation, amendmentRequestOf, weightsOf } from './weights-amendment-form';

const principleName = new Map<string, string>(
  [...CORE_PRINCIPLES, ...INSTRUMENTAL_PRINCIPLES].map((p) => [p.id as string, p.name as string]),
);
const namesOf = (ids: string[]) => ids.map((id) => principleName.get(id) ?? id);

type TitleOf = (questionName: string) => string;

/** Question titles as providers saw them in the case's frozen questionnaire. */
function questionTitles(definition: QuestionnaireDefinition): TitleOf {
  const titles = new Map(questionsOf(definition).map(({ question }) => [question.name, localised(question.title)]));
  return (name) => titles.get(name) || name;
}

/** What the page shows of a stored comparison; the charts are the same SVG the PDF dossier embeds. */
export function comparisonView(comparison: Comparison & { accuracy?: ProviderAccuracy[] }, titleOf: TitleOf) {
  const names = new Map(
    [...comparison.ranked, ...comparison.unscored, ...comparison.disqualified].map((p) => [p.providerId, p.name]),
  );
  const statement = sensitivityStatement(comparison);
  const finding = (f: ProviderFinding) => ({
    title: f.title,
    severity: f.severity,
    questions: f.firedBy.map((q) => titleOf(q.questionName)).join('; '),
  });
  return {
    core: comparisonMatrix(comparison, 'core'),
    instrumental: comparisonMatrix(comparison, 'instrumental'),
    // With nobody ranked a chart would be empty axes: the page says so in a sentence instead.
    overviewChart: comparison.ranked.length
      ? principleBarChart(comparisonSeries(comparison), 'Scores by core principle, all ranked providers')
      : null,
    providers: comparison.ranked.map((p) => ({
      name: p.name,
      rank: p.rank,
      overall: formatScore(p.overall),
      // Same call and title as the dossier's provider chart, so both show identical bytes.
      chart: principleRadarChart(p.core, `${p.name}: scores by core principle`),
      strongest: namesOf(p.strongest),
      weakest: namesOf(p.weakest),
      redFlags: p.redFlags.map(finding),
      missingEvidence: p.missingEvidence.map(titleOf),
      awaitingPanel: p.awaitingPanel.map(titleOf),
      unscoredCriteria: namesOf(p.unscoredCriteria),
    })),
    disqualified: comparison.disqualified.map((p) => ({
      name: p.name,
      knockouts: p.knockouts.map(finding),
      redFlags: p.redFlags.map(finding),
      missingEvidence: p.missingEvidence.map(titleOf),
    })),
    unscored: comparison.unscored.map((p) => ({ name: p.name, awaitingPanel: p.awaitingPanel.map(titleOf) })),
    sensitivity: { ...statement, shift: comparison.sensitivity.shift, margin: comparison.sensitivity.margin },
    accuracy: accuracyRows(comparison.accuracy, (id) => names.get(id) ?? id),
  };
}

const money = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function priceView(price: PriceRanking, currency: string | null) {
  return {
    weight: price.weight,
    qualityWeight: 100 - price.weight,
    currency: currency ?? '',
    rows: price.ranked.map((p) => ({
      rank: p.rank,
      name: p.name,
      quality: formatScore(p.quality),
      amount: money.format(p.amount),
      priceScore: formatScore(p.priceScore),
      total: formatScore(p.total),
    })),
    withoutPrice: price.withoutPrice.map((p) => p.name),
    sentences: priceSensitivityStatement(price),
  };
}

/** The side-by-side comparison page for staff of the case's agency. */
@ApiExcludeController()
@Controller('cases/:caseId/comparison')
export class ComparisonPageController {
  constructor(private readonly comparisons: ComparisonService) {}

  @Get()
  @RequiresAccess('comparison.read')
  @Render('cases/comparison')
  async page(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @AccessGranted() { procurementCase: found }: Granted,
    @Query('notice') notice?: string,
  ) {
    const { progress, stored } = await this.comparisons.state(found);
    const lock = this.comparisons.weightsLock(found);
    const seesPrice = roleMay('price.read', staff);
    // A published tender's method changes only by an amendment every provider is sent: asked to confirm.
    const amending = methodChange(found).kind === 'amendment';
    return {
      title: `Comparison: ${found.title}`,
      scripts: [...(progress.done ? [] : ['scoring-progress.js']), ...(amending ? ['confirm-step.js'] : [])],
      caseId,
      reference: found.reference,
      caseTitle: found.title,
      progress,
      streamUrl: `/api/v1/cases/${caseId}/scoring-progress/stream`,
      weights: CORE_PRINCIPLES.map((p) => ({ name: p.name, weight: formatScore(found.criteriaWeights[p.id]) })),
      weightsLock: lock,
      // Officers change the weights here while they may (the same service as PUT …/weights).
      weightsForm:
        roleMay('case.manage', staff) && this.comparisons.weightsEditable(found)
          ? CORE_PRINCIPLES.map((p) => ({ id: p.id, name: p.name, weight: found.criteriaWeights[p.id] }))
          : null,
      amendment: amending
        ? {
            ...amendmentConfirmation(found),
            bodyText: amendmentConfirmation(found).body.join(' '),
            responsesDue: found.responsesDue.toISOString().slice(0, 16),
          }
        : null,
      flash:
        notice === 'weights'
          ? 'Weights saved: the comparison is being re-run with them.'
          : notice === 'amended'
            ? 'Amendment published: every invited provider is being e-mailed the new weights.'
            : undefined,
      computedAt: stored?.computedAt ?? null,
      comparison: stored
        ? comparisonView(stored.comparison, questionTitles(found.questionnaireDefinition as QuestionnaireDefinition))
        : null,
      scoringModel: stored
        ? modelComparisonView(stored.comparison.model, found.questionnaireDefinition as QuestionnaireDefinition)
        : null,
      // The price criterion is scored apart from quality: evaluators are only told that it exists.
      price: seesPrice && stored?.comparison.price ? priceView(stored.comparison.price, found.currency) : null,
      priceHidden: !seesPrice && found.priceWeight !== null,
    };
  }

  /** The weights form of the page; a refusal (422 with every problem, 409 once locked) re-renders the page with it. */
  @Post('weights')
  @RequiresAccess('case.manage')
  async changeWeights(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @AccessGranted() granted: Granted,
    @FormBody('fields') form: Record<string, string>,
    @Res() response: Response,
  ) {
    const weights = weightsOf(form);
    const amending = methodChange(granted.procurementCase).kind === 'amendment';
    if (amending && form.confirmed !== 'yes')
      return response.status(200).render('cases/confirm', {
        ...amendmentConfirmation(granted.procurementCase),
        action: `/cases/${caseId}/comparison/weights`,
        fields: Object.entries(form)
          .filter(([name]) => name !== '_csrf' && name !== 'confirmed')
          .map(([name, value]) => ({ name, value })),
        cancelUrl: `/cases/${caseId}/comparison`,
        cancelLabel: 'Back to the comparison',
      });
    try {
      await this.comparisons.changeWeights(staff, caseId, weights, undefined, amendmentRequestOf(form));
    } catch (error) {
      if (!(error instanceof HttpException) || error.getStatus() >= 500) throw error;
      const message = (error.getResponse() as { message?: unknown }).message ?? error.message;
      const errors = (Array.isArray(message) ? message : [message]).map((item) =>
        typeof item === 'string' ? item : String((item as { message?: string }).message ?? JSON.stringify(item)),
      );
      // Refused, so the case is as the policy loaded it.
      const view = await this.page(staff, caseId, granted);
      return response.status(error.getStatus()).render('cases/comparison', { ...view, errors });
    }
    response.redirect(303, `/cases/${caseId}/comparison?notice=${amending ? 'amended' : 'weights'}#weights-heading`);
  }
}
