import { ConflictException, InternalServerErrorException } from '@nestjs/common';
import { PageRefusal, runPageStep } from './page-refusal';

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
