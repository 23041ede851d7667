import { INSTRUMENTAL_PRINCIPLES, CORE_PRINCIPLES } from '@probity/rubric';
import type { QuestionnaireDefinition } from '../lib/definition';
import { localised } from '../lib/localise';
import { questionsOf } from '../lib/walk';
import { RESPONSIBLE_AI_HIGH_RISK, RESPONSIBLE_AI_LIGHT } from './responsible-ai-bank';

export interface BuiltInQuestionnaire {
  key: string;
  version: number;
  title: string;
  definition: QuestionnaireDefinition;
}

export const BUILT_IN_QUESTIONNAIRES: BuiltInQuestionnaire[] = [
  {
    key: 'responsible-ai-high-risk',
    version: 1,
    title: localised(RESPONSIBLE_AI_HIGH_RISK.title),
    definition: RESPONSIBLE_AI_HIGH_RISK,
  },
  {
    key: 'responsible-ai-light',
    version: 1,
    title: localised(RESPONSIBLE_AI_LIGHT.title),
    definition: RESPONSIBLE_AI_LIGHT,
  },
];

export interface BankQuestion {
  name: string;
  title: string;
  type: string;
  weight: number;
  evidenceRequired: boolean;
  conditional: boolean;
  references: { aiAct?: string; mcc?: string; nist?: string; iso42001?: string; otherLaw?: string };
}

export interface BankView {
  core: Array<{
    id: string;
    name: string;
    instrumental: Array<{ id: string; name: string; questions: BankQuestion[] }>;
  }>;
  unmapped: BankQuestion[];
}

/** Principles → questions with their references, for officers to review the bank before use. */
export function describeBank(definition: QuestionnaireDefinition): BankView {
  const located = questionsOf(definition).map(({ question }) => ({
    principle: question.principle,
    question: {
      name: question.name,
      title: localised(question.title) || question.name,
      type: question.type,
      weight: question.weight ?? 1,
      evidenceRequired: Boolean(question.evidenceRequired),
      conditional: Boolean(question.visibleIf),
      references: {
        aiAct: question.aiAct,
        mcc: question.mcc,
        nist: question.nist,
        iso42001: question.iso42001,
        otherLaw: question.otherLaw,
      },
    },
  }));
  return {
    core: CORE_PRINCIPLES.map((core) => ({
      id: core.id,
      name: core.name,
      instrumental: INSTRUMENTAL_PRINCIPLES.filter((instrumental) => instrumental.core === core.id).map(
        (instrumental) => ({
          id: instrumental.id,
          name: instrumental.name,
          questions: located.filter((entry) => entry.principle === instrumental.id).map((entry) => entry.question),
        }),
      ),
    })),
    unmapped: located.filter((entry) => !entry.principle).map((entry) => entry.question),
  };
}
