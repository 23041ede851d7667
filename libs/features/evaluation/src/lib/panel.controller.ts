import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { AccessGranted, CurrentStaff, RequiresAccess, StaffPrincipal } from '@probity/identity';
import { API_PREFIX } from '@probity/web';
import { Granted } from './case-access';
import { ConflictDeclarationsService } from './conflict-declarations.service';
import { ModerationService } from './moderation.service';
import { ScoringWorkspaceService } from './scoring-workspace.service';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class ConflictDeclarationDto {
  @ApiProperty({ description: 'True when the evaluator has a conflict of interest; it recuses them from the case.' })
  @IsBoolean()
  hasConflict: boolean;

  @ApiProperty({
    description: 'The declaration in the evaluator’s words, also when there is no conflict.',
    example: 'I have no financial, personal or professional link with any provider in this procurement.',
  })
  @Transform(trimmed)
  @IsString()
  @Matches(/\S/, { message: 'statement must say something, even "I have no conflict of interest".' })
  @MaxLength(4000)
  statement: string;
}

export class PanelScoreDto {
  @ApiProperty({ description: 'A whole number on the published 0–4 scale.', minimum: 0, maximum: 4, example: 3 })
  @IsInt()
  @Min(0)
  @Max(4)
  score: number;

  @ApiProperty({
    description: 'Why this score: what in the answer or evidence supports it. Required.',
    example: 'Method documented with a worked example; independent audit report attached.',
  })
  @Transform(trimmed)
  @IsString()
  @Matches(/\S/, { message: 'justification is required: say what in the answer supports the score.' })
  @MaxLength(4000)
  justification: string;
}

export class ConsensusScoreDto {
  @ApiProperty({ description: 'The panel’s agreed score on the 0–4 scale.', minimum: 0, maximum: 4, example: 2 })
  @IsInt()
  @Min(0)
  @Max(4)
  consensusScore: number;

  @ApiProperty({
    description: 'How the panel reached this score; kept in the dossier.',
    example: 'Agreed after discussion.',
  })
  @Transform(trimmed)
  @IsString()
  @Matches(/\S/, { message: 'reason is required: record how the panel reached the consensus.' })
  @MaxLength(4000)
  reason: string;
}

/**
 * The evaluation panel over JSON: conflict-of-interest declarations, blind scoring of the answers
 * that need judgement, and the officer's moderation. Other agencies' ids are 404; staff who are
 * not on the case's panel as evaluators get 403.
 */
@ApiTags('evaluation')
@Controller(`${API_PREFIX}/cases/:caseId/panel`)
export class PanelController {
  constructor(
    private readonly declarations: ConflictDeclarationsService,
    private readonly scoring: ScoringWorkspaceService,
    private readonly moderations: ModerationService,
  ) {}

  @Post('declaration')
  @RequiresAccess('panel.declare')
  @ApiOkResponse({ description: 'Declaration recorded; 409 if one was already recorded for this case.' })
  async declare(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessGranted() { procurementCase: found }: Granted,
    @Body() body: ConflictDeclarationDto,
  ) {
    const declaration = await this.declarations.declare(staff, found, body.hasConflict, body.statement);
    return {
      caseId: declaration.caseId,
      hasConflict: declaration.hasConflict,
      statement: declaration.statement,
      declaredAt: declaration.declaredAt,
      access: declaration.hasConflict ? 'recused' : 'allowed',
    };
  }

  @Get('responses')
  @RequiresAccess('response.score')
  @ApiOkResponse({
    description: 'Submitted responses to score, with the evaluator’s own progress; 403 until declared.',
  })
  async responses(@CurrentStaff() staff: StaffPrincipal, @AccessGranted() { procurementCase: found }: Granted) {
    return { responses: await this.scoring.responsesToEvaluate(staff, found) };
  }

  @Get('responses/:responseId')
  @RequiresAccess('response.score')
  @ApiOkResponse({
    description:
      'The questions that need judgement with the provider’s answer and evidence, the scale and the own scores; others’ scores only after submitting. Never any price.',
  })
  workspace(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessGranted() { procurementCase: found }: Granted,
    @Param('responseId', new ParseUUIDPipe()) responseId: string,
  ) {
    return this.scoring.workspace(staff, found, responseId);
  }

  @Put('responses/:responseId/scores/:questionName')
  @RequiresAccess('response.score')
  @ApiOkResponse({ description: 'Score recorded (or changed until submitted); 400 without a justification.' })
  async score(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessGranted() { procurementCase: found }: Granted,
    @Param('responseId', new ParseUUIDPipe()) responseId: string,
    @Param('questionName') questionName: string,
    @Body() body: PanelScoreDto,
  ) {
    const entry = await this.scoring.recordScore(
      staff,
      found,
      responseId,
      questionName,
      body.score,
      body.justification,
    );
    return {
      responseId: entry.responseId,
      questionName: entry.questionName,
      score: entry.score,
      justification: entry.justification,
      updatedAt: entry.updatedAt,
    };
  }

  @Post('responses/:responseId/submission')
  @HttpCode(200)
  @RequiresAccess('response.score')
  @ApiOkResponse({ description: 'Own scores submitted and frozen; 400 listing the questions still unscored.' })
  async submit(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessGranted() { procurementCase: found }: Granted,
    @Param('responseId', new ParseUUIDPipe()) responseId: string,
  ) {
    const submission = await this.scoring.submitScores(staff, found, responseId);
    return { responseId: submission.responseId, submittedAt: submission.submittedAt };
  }

  @Get('moderation')
  @RequiresAccess('panel.moderate')
  @ApiOkResponse({ description: 'Per response and question: submitted scores, spread, disagreement flag, consensus.' })
  moderation(@CurrentStaff() staff: StaffPrincipal, @AccessGranted() { procurementCase: found }: Granted) {
    return this.moderations.moderation(staff, found);
  }

  @Put('responses/:responseId/consensus/:questionName')
  @RequiresAccess('panel.moderate')
  @ApiOkResponse({ description: 'Consensus recorded; in evaluation the response is re-scored. 409 if already set.' })
  async consensus(
    @CurrentStaff() staff: StaffPrincipal,
    @AccessGranted() { procurementCase: found }: Granted,
    @Param('responseId', new ParseUUIDPipe()) responseId: string,
    @Param('questionName') questionName: string,
    @Body() body: ConsensusScoreDto,
  ) {
    const moderated = await this.moderations.moderate(
      staff,
      found,
      responseId,
      questionName,
      body.consensusScore,
      body.reason,
    );
    return {
      responseId: moderated.responseId,
      questionName: moderated.questionName,
      consensusScore: moderated.consensusScore,
      reason: moderated.reason,
      moderatedAt: moderated.moderatedAt,
      evaluationJobId: moderated.evaluationJobId,
    };
  }
}
