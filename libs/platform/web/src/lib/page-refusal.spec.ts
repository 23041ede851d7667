import { ConflictException, InternalServerErrorException, UnprocessableEntityException } from '@nestjs/common';
import { formRefusal, PageRefusal, pageRefusalOf, runPageStep } from './page-refusal';

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

describe('runPageStep', () => {
  const browser = () => {
    const redirects: Array<[number, string]> = [];
    return { redirects, redirect: (status: number, url: string) => void redirects.push([status, url]) };
  };

  it('sends the browser on with a 303 once the step succeeded, and shows no refusal', async () => {
    const response = browser();
    const refusals: PageRefusal[] = [];
    await runPageStep(
      response,
      async () => 'done',
      '/cases/1?notice=saved',
      async (refusal) => refusals.push(refusal),
    );
    expect(response.redirects).toEqual([[303, '/cases/1?notice=saved']]);
    expect(refusals).toEqual([]);
  });

  it('shows a refusal the person can act on instead of redirecting', async () => {
    const response = browser();
    const refusals: PageRefusal[] = [];
    await runPageStep(
      response,
      async () => {
        throw new ConflictException('The case moved on.');
      },
      '/cases/1',
      async (refusal) => refusals.push(refusal),
    );
    expect(response.redirects).toEqual([]);
    expect(refusals.map(({ errors, status }) => ({ errors, status }))).toEqual([
      { errors: ['The case moved on.'], status: 409 },
    ]);
  });

  it('lets a server error through to the error page', async () => {
    const response = browser();
    const failure = new InternalServerErrorException('broken');
    await expect(
      runPageStep(
        response,
        async () => {
          throw failure;
        },
        '/cases/1',
        async () => undefined,
      ),
    ).rejects.toBe(failure);
    expect(response.redirects).toEqual([]);
  });
});
