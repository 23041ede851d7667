import { HttpException } from '@nestjs/common';
import { EVALUATION_SCALE } from './panel-rules';

/** Notices shown after a panel form's post/redirect/get, by the `notice` query value. */
export const NOTICES: Record<string, string> = {
  declared: 'Your declaration is recorded. You can now score the submissions.',
  recused: 'Your declaration is recorded. You are recused from this case.',
  submitted: 'Your scores are submitted. You can now see the other evaluators’ scores for that provider.',
  moderated: 'The consensus score is recorded.',
};

/** Asked before an evaluator's scores become final, in the dialog and on the page without JavaScript. */
export function submitConfirmation(organisationName: string) {
  const body = [
    `Submitted scores are final: you cannot change them afterwards.`,
    `You will then see the other evaluators’ scores for ${organisationName}.`,
  ];
  return {
    title: `Submit your scores for ${organisationName}?`,
    body,
    bodyText: body.join(' '),
    confirmLabel: 'Yes, submit my scores',
    danger: false,
  };
}

/** Messages of a 4xx error, for showing on the page that caused it; anything else is rethrown. */
export function clientErrors(error: unknown): { status: number; messages: string[] } {
  if (!(error instanceof HttpException) || error.getStatus() >= 500) throw error;
  const body = error.getResponse();
  const message = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? error.message);
  return { status: error.getStatus(), messages: (Array.isArray(message) ? message : [message]).map(String) };
}

/** A form's score field as a number on the 0–4 scale, NaN for anything else. */
export const asScore = (value: unknown): number =>
  typeof value === 'string' && /^[0-4]$/.test(value) ? Number(value) : NaN;

/** The radio buttons of the 0–4 scale. */
export function scaleChoices(name: string, idPrefix: string, selected: number | null) {
  return EVALUATION_SCALE.map((step) => ({
    ...step,
    id: `${idPrefix}-${step.score}`,
    name,
    checked: selected === step.score,
  }));
}

/** The scale step's label after the score, as pages show a recorded score. */
export const scoreLabel = (score: number): string => `${score} – ${EVALUATION_SCALE[score].label}`;
