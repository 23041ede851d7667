import { Body, Controller, Get, HttpCode, MessageEvent, Param, ParseUUIDPipe, Post, Put, Sse } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsNumber, IsObject, IsOptional, IsPositive, IsString, Max } from 'class-validator';
import { defer, distinctUntilChanged, exhaustMap, interval, map, Observable, startWith, takeWhile } from 'rxjs';
import { roleMay } from '@probity/access';
import { AccessGranted, CurrentStaff, RequiresAccess, StaffPrincipal } from '@probity/identity';
import { Comparison, PriceRanking, priceSensitivityStatement, sensitivityStatement } from '@probity/scoring';
import { API_PREFIX } from '@probity/web';
import { CaseAccess, Granted } from './case-access';
import { ComparisonService, WeightsLock } from './comparison.service';
import { withoutPrices } from './pricing';
import { ScoringProgressView } from './scoring-progress';

export class CriteriaWeightsDto {
  @ApiProperty({
    description: 'One weight per core principle, 0–100, adding up to 100.',
    example: { lawfulness: 25, 'minimization-of-harm': 25, 'human-autonomy': 20, fairness: 20, 'good-governance': 10 },
  })
  // Checked by validateCriteriaWeights, which names every problem (422), not by class-validator.
  @IsObject()
  weights: Record<string, unknown>;

  @ApiProperty({
    required: false,
    nullable: true,
    description:
      'Share of the price in the final ranking, 0–100; the quality weights above share the rest. Null removes the price criterion; left out, it stays as it is.',
    example: 30,
  })
  // Checked by validatePriceWeight (422); null is a value here, not a missing one.
  @IsOptional()
  priceWeight?: unknown;

  @ApiProperty({
    required: false,
    description:
      'Once the tender is published, a change is an amendment sent to every invited provider: the reason they read. Required then.',
    example: 'The fairness weight was published with a typing error.',
  })
  @IsOptional()
  @IsString()
  reason?: string;

  @ApiProperty({
    required: false,
    description: 'A later response deadline (ISO 8601), when the amendment extends it.',
    example: '2026-12-11T17:00:00Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  responsesDue?: string;
}

export class PriceDto {
  @ApiProperty({ description: "The provider's price offer in the case's currency.", example: 1650000 })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @IsPositive()
  // The column is numeric(16,2): anything larger would fail in the database instead of here.
  @Max(99999999999999)
  amount: number;
}

export interface ComparisonAnswer {
  caseId: string;
  /** `ready`: final for the current weights; `pending`: being computed; `not_started`: evaluation has not begun. */
  status: ScoringProgressView['comparison'];
  progress: ScoringProgressView;
  weights: Record<string, number>;
  /** Left out for quality evaluators, who never see the price criterion. */
  priceWeight?: number | null;
  weightsLock: WeightsLock | null;
  computedAt: Date | null;
  /**
   * The stored comparison made with the current weights; null until there is one. With a price
   * criterion it has `price` (the final ranking) except for quality evaluators.
   */
  comparison: (Comparison & { price?: PriceRanking }) | null;
  sensitivityStatement: string[];
  /** The price-weight sensitivity; empty without a price criterion and for quality evaluators. */
  priceSensitivityStatement: string[];
}

/** How often the progress stream looks at the database. */
const PROGRESS_POLL_MS = 1000;

/**
 * The comparison as JSON, the officer's weights and scoring progress. A case without a comparison
 * for its current weights answers 200 with status `pending` (or `not_started`) and the progress, not
 * 404: the case exists, its comparison just is not there yet, and clients poll the same URL.
 */
@ApiTags('evaluation')
@Controller(`${API_PREFIX}/cases/:caseId`)
export class ComparisonController {
  constructor(
    private readonly comparisons: ComparisonService,
    private readonly access: CaseAccess,
  ) {}

  @Get('comparison')
  @RequiresAccess('comparison.read')
  @ApiOkResponse({ description: 'The latest comparison for the current weights, or its progress while pending.' })
  async comparison(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @AccessGranted() { procurementCase: found }: Granted,
  ): Promise<ComparisonAnswer> {
    const { progress, stored } = await this.comparisons.state(found);
    // The price criterion is scored apart from quality: evaluators see neither prices nor its weight.
    const seesPrice = roleMay('price.read', staff);
    const comparison = stored ? (seesPrice ? stored.comparison : withoutPrices(stored.comparison)) : null;
    return {
      caseId,
      status: progress.comparison,
      progress,
      weights: found.criteriaWeights,
      ...(seesPrice ? { priceWeight: found.priceWeight } : {}),
      weightsLock: this.comparisons.weightsLock(found),
      computedAt: stored?.computedAt ?? null,
      comparison,
      sensitivityStatement: comparison ? sensitivityStatement(comparison).sentences : [],
      priceSensitivityStatement:
        seesPrice && stored?.comparison.price ? priceSensitivityStatement(stored.comparison.price) : [],
    };
  }

  @Put('weights')
  @RequiresAccess('case.manage')
  @ApiOkResponse({
    description:
      'Weights replaced. Before publication a set-up change; before the response deadline a published amendment (reason required) sent to every invited provider. 409 after the deadline or once locked.',
  })
  changeWeights(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Body() body: CriteriaWeightsDto,
  ) {
    return this.comparisons.changeWeights(
      staff,
      caseId,
      body.weights,
      body.priceWeight === undefined ? undefined : (body.priceWeight as number | null),
      { reason: body.reason, responsesDue: body.responsesDue ? new Date(body.responsesDue) : undefined },
    );
  }

  @Get('prices')
  @RequiresAccess('price.read')
  @ApiOkResponse({ description: 'Every submitted response with its recorded price offer; not for quality evaluators.' })
  async prices(@AccessGranted() { procurementCase: found }: Granted) {
    return { currency: found.currency, priceWeight: found.priceWeight, prices: await this.comparisons.prices(found) };
  }

  @Put('prices/:responseId')
  @RequiresAccess('case.manage')
  @ApiOkResponse({ description: 'Price offer recorded; in evaluation the comparison re-runs.' })
  recordPrice(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Param('responseId', new ParseUUIDPipe()) responseId: string,
    @Body() body: PriceDto,
  ) {
    return this.comparisons.recordPrice(staff, caseId, responseId, body.amount);
  }

  @Post('weights/lock')
  @HttpCode(200)
  @RequiresAccess('case.manage')
  @ApiOkResponse({ description: 'Who locked the weights and when; locking again returns the existing lock.' })
  lockWeights(@CurrentStaff() staff: StaffPrincipal, @Param('caseId', new ParseUUIDPipe()) caseId: string) {
    return this.comparisons.lockWeights(staff, caseId);
  }

  @Get('scoring-progress')
  @RequiresAccess('comparison.read')
  @ApiOkResponse({ description: 'Submitted and scored responses and where the comparison stands.' })
  async progress(@AccessGranted() { procurementCase: found }: Granted): Promise<ScoringProgressView> {
    return (await this.comparisons.state(found)).progress;
  }

  /**
   * Server-Sent Events: the progress whenever it changes, read from the database every second;
   * the stream completes once everything is scored and compared (or the case is cancelled).
   */
  @Sse('scoring-progress/stream')
  @RequiresAccess('comparison.read')
  async progressStream(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
  ): Promise<Observable<MessageEvent>> {
    return interval(PROGRESS_POLL_MS).pipe(
      startWith(0),
      // A slow query is not overlapped by the next poll. The case is re-read for status and weights through
      // the policy, so a person taken off the panel or recused mid-stream stops receiving progress.
      exhaustMap(() =>
        defer(async () => {
          const { procurementCase } = await this.access.requireAccess(staff, 'comparison.read', { caseId });
          return (await this.comparisons.state(procurementCase)).progress;
        }),
      ),
      distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
      takeWhile((progress) => !progress.done, true),
      map((progress) => ({ type: 'progress', data: progress })),
    );
  }
}
