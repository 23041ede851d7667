import express, { NextFunction, Request, Response } from 'express';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { collectServerTiming, startServerTiming, timedMiddleware, timeStep } from './server-timing';

function durations(header: string | undefined): Record<string, number> {
  return Object.fromEntries(
    (header ?? '').split(', ').map((part) => {
      const [name, duration] = part.split(';dur=');
      return [name, Number(duration)];
    }),
  );
}

function app(measured: boolean) {
  const server = express();
  if (measured) server.use(startServerTiming);
  server.use(express.urlencoded({ extended: false }));
  if (measured) server.use(collectServerTiming);
  const slowMiddleware = (_request: Request, _response: Response, next: NextFunction) =>
    void sleep(15).then(() => next());
  server.use(measured ? timedMiddleware('csrf', slowMiddleware) : slowMiddleware);
  server.post('/save', async (_request, response) => {
    const saved = await timeStep('audit', async () => {
      await sleep(25);
      return 'saved';
    });
    await timeStep('audit', () => sleep(10));
    response.json({ saved });
  });
  return server;
}

describe('Server-Timing steps', () => {
  it('reports each step, summed over repeats, and the whole request, when measured', async () => {
    const response = await request(app(true)).post('/save').type('form').send({ a: '1' }).expect(200);
    expect(response.body).toEqual({ saved: 'saved' });
    const steps = durations(response.headers['server-timing']);
    expect(Object.keys(steps)).toEqual(['body', 'csrf', 'audit', 'app']);
    expect(steps.csrf).toBeGreaterThanOrEqual(14);
    expect(steps.audit).toBeGreaterThanOrEqual(33);
    expect(steps.app).toBeGreaterThanOrEqual(steps.body + steps.csrf + steps.audit);
  });

  it('adds no header and changes no result when not measured', async () => {
    const response = await request(app(false)).post('/save').type('form').send({ a: '1' }).expect(200);
    expect(response.body).toEqual({ saved: 'saved' });
    expect(response.headers['server-timing']).toBeUndefined();
  });

  it('keeps each concurrent request to its own steps', async () => {
    const server = express();
    server.use(startServerTiming, collectServerTiming);
    server.get('/:name', async (request, response) => {
      // Requests overlap in the sleep: a shared record would show every name on every response.
      await timeStep(`step-${request.params.name}`, () => sleep(20));
      response.end();
    });
    const names = ['a', 'b', 'c', 'd', 'e'];
    const responses = await Promise.all(names.map((name) => request(server).get(`/${name}`).expect(200)));
    responses.forEach((response, index) =>
      expect(Object.keys(durations(response.headers['server-timing']))).toEqual([
        'body',
        `step-${names[index]}`,
        'app',
      ]),
    );
  });
});
