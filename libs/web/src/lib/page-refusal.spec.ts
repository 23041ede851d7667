import { UnprocessableEntityException } from '@nestjs/common';
import { formRefusal, pageRefusalOf } from './page-refusal';

describe('a refused form rendered again', () => {
  const form = {
    values: { owner: 'Head of the control room', reason: '' },
    fields: { reason: /needs a reason/, owner: /^The owner/ },
    idOf: (field: string) => `risk-0-0-${field}`,
  };

  it('keeps every typed value and puts each problem beside its field, linked from the summary', () => {
    const refusal = formRefusal(
      pageRefusalOf(new UnprocessableEntityException(['Every change to the register needs a reason.'])),
      form,
    );
    expect(refusal).toEqual({
      status: 422,
      values: { owner: 'Head of the control room', reason: '' },
      summary: [{ message: 'Every change to the register needs a reason.', href: '#risk-0-0-reason' }],
      fieldErrors: { reason: 'Every change to the register needs a reason.' },
    });
  });

  it('keeps a message that names no field in the summary only, and joins two problems of one field', () => {
    const refusal = formRefusal(
      {
        errors: ['The case is not in evaluation.', 'The owner must not be empty.', 'The owner is too long.'],
        status: 409,
      },
      form,
    );
    expect(refusal.summary).toEqual([
      { message: 'The case is not in evaluation.', href: null },
      { message: 'The owner must not be empty.', href: '#risk-0-0-owner' },
      { message: 'The owner is too long.', href: '#risk-0-0-owner' },
    ]);
    expect(refusal.fieldErrors).toEqual({ owner: 'The owner must not be empty. The owner is too long.' });
  });
});
