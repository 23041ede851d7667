import {
  ConflictException,
  InternalServerErrorException,
  ServiceUnavailableException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InviteProviderDto } from './cases.dto';
import { caseFromForm, inviteFromForm, panelFromForm } from './case-forms';
import { checkedForm, pageRefusalOf } from '@probity/web';

describe('the officer pages’ refusal fallback', () => {
  it('shows a 4xx with its messages, whether one string or a list of problems', () => {
    expect(pageRefusalOf(new ConflictException('The case is not open.'))).toMatchObject({
      errors: ['The case is not open.'],
      status: 409,
    });
    const weights = new UnprocessableEntityException([{ message: 'Weights must add up to 100.' }, 'Second.']);
    expect(pageRefusalOf(weights)).toMatchObject({ errors: ['Weights must add up to 100.', 'Second.'], status: 422 });
  });

  it('shows a 503 the officer can retry, and lets 500s and non-HTTP errors reach the error page', () => {
    expect(pageRefusalOf(new ServiceUnavailableException('Mail down.')).status).toBe(503);
    const crash = new InternalServerErrorException('boom');
    expect(() => pageRefusalOf(crash)).toThrow(crash);
    const bug = new TypeError('x is undefined');
    expect(() => pageRefusalOf(bug)).toThrow(bug);
  });
});

describe('the officer pages’ forms', () => {
  it('checks a form against the API’s DTO with the same messages', async () => {
    const form = { organisationName: ' ', country: 'PT', contactEmails: 'not-an-email' };
    const { problems } = await checkedForm(InviteProviderDto, inviteFromForm(form));
    expect(problems.length).toBeGreaterThanOrEqual(2);
    const valid = await checkedForm(
      InviteProviderDto,
      inviteFromForm({ organisationName: 'Acme', country: 'PT', contactEmails: 'a@acme.example, b@acme.example' }),
    );
    expect(valid.problems).toEqual([]);
    expect(valid.value.contactEmails).toEqual(['a@acme.example', 'b@acme.example']);
  });

  it('reads identifiers only when given, dates as due at the day’s end and ticked panel members by role', () => {
    expect(inviteFromForm({ organisationName: 'A', country: 'PT', vat: ' PT123 ', lei: '' }).legalIdentifiers).toEqual({
      VAT: 'PT123',
    });
    const input = caseFromForm({ responsesDue: '2027-01-31', weight_fairness: '40' });
    expect(input.responsesDue).toBe('2027-01-31T23:59:59.000Z');
    expect(input.questionsDue).toBeUndefined();
    expect(input.criteriaWeights.fairness).toBe(40);
    expect(panelFromForm({ evaluators: ['u1', 'u2'], legalReviewers: 'u3' })).toEqual([
      { userId: 'u1', role: 'evaluator' },
      { userId: 'u2', role: 'evaluator' },
      { userId: 'u3', role: 'legal_reviewer' },
    ]);
  });
});
