/**
 * Pure builders of the evaluation panel's records for unit specs: conflict-of-interest declarations,
 * evaluators' scores and submissions, consensus scores. Plain objects shaped like evaluation's entities.
 */
import { randomUUID } from 'node:crypto';

export function aDeclaration(overrides: Partial<ReturnType<typeof baseDeclaration>> = {}) {
  return { ...baseDeclaration(), ...overrides };
}

function baseDeclaration() {
  return {
    id: randomUUID() as string,
    caseId: randomUUID() as string,
    evaluatorId: randomUUID() as string,
    hasConflict: false,
    statement: 'I have no conflict of interest.',
    declaredAt: new Date(),
  };
}

export function aPanelScore(overrides: Partial<ReturnType<typeof basePanelScore>> = {}) {
  return { ...basePanelScore(), ...overrides };
}

function basePanelScore() {
  return {
    id: randomUUID() as string,
    caseId: randomUUID() as string,
    responseId: randomUUID() as string,
    questionName: 'purpose',
    evaluatorId: randomUUID() as string,
    score: 3,
    justification: 'The answer documents the method with a worked example.',
    updatedAt: new Date(),
  };
}

export function aPanelSubmission(overrides: Partial<ReturnType<typeof basePanelSubmission>> = {}) {
  return { ...basePanelSubmission(), ...overrides };
}

function basePanelSubmission() {
  return {
    id: randomUUID() as string,
    caseId: randomUUID() as string,
    responseId: randomUUID() as string,
    evaluatorId: randomUUID() as string,
    submittedAt: new Date(),
  };
}

export function aConsensusScore(overrides: Partial<ReturnType<typeof baseConsensusScore>> = {}) {
  return { ...baseConsensusScore(), ...overrides };
}

function baseConsensusScore() {
  return {
    id: randomUUID() as string,
    caseId: randomUUID() as string,
    responseId: randomUUID() as string,
    questionName: 'purpose',
    consensusScore: 2,
    reason: 'Agreed after discussion.',
    moderatedBy: randomUUID() as string,
    moderatedAt: new Date(),
  };
}

/**
 * A questionnaire whose two questions the panel scores by judgement: a free-text answer and an
 * evidence upload, each counted under a Toolkit principle. Answer both with `judgedAnswers()`.
 */
export function aJudgedQuestionnaire(): {
  pages: Array<{ name: string; elements: Array<Record<string, unknown>> }>;
} {
  return {
    pages: [
      {
        name: 'governance',
        elements: [
          { type: 'comment', name: 'purpose', title: 'What is the system for?', principle: 'legitimacy' },
          { type: 'file', name: 'audit_report', title: 'Independent audit report', principle: 'accuracy' },
        ],
      },
    ],
  };
}

/** Answers to every question of `aJudgedQuestionnaire()`. */
export function judgedAnswers(): Record<string, unknown> {
  return {
    purpose: 'Review of recorded footage after an incident, never live identification.',
    audit_report: [{ name: 'audit.pdf', sha256: 'a'.repeat(64) }],
  };
}
