import type { INestApplication } from '@nestjs/common';
import { Browser, BrowserContext } from 'playwright-core';
import { CasesService } from '@probity/cases';
import { demoCase } from '@probity/demo';
import { PHONE, launchChromium } from './browser';
import { agencyWithStaff, E2eApp, signInWithBrowser, StaffMember, startE2eApp } from './e2e-app';
import { Agent, signIn } from './tender-http';

export interface PhonePagesWorld {
  started: E2eApp;
  app: INestApplication;
  baseUrl: string;
  agencyId: string;
  idByEmail: Record<string, string>;
  /** The demo case every page of the suite is about. */
  caseId: string;
  browser: Browser;
  /** The first member of staff, signed in through the sign-in page of Chromium on a 390 px phone. */
  phone: BrowserContext;
  /** The same member over the JSON API. */
  api: { agent: Agent; csrf: string };
  close(): Promise<void>;
}

/**
 * The common start of a page suite: the api served, an agency with `staff` (one password for all), one demo
 * case with `reference`, and the first member signed in both over the API and in Chromium on a phone.
 */
export async function phonePagesWorld(
  agencyName: string,
  staff: readonly StaffMember[],
  password: string,
  reference: string,
): Promise<PhonePagesWorld> {
  const started = await startE2eApp({ serve: true });
  const { app, baseUrl } = started;
  const { agencyId, idByEmail } = await agencyWithStaff(app, agencyName, staff, password);
  const caseId = (await app.get(CasesService).createCase(agencyId, { ...demoCase(new Date()), reference })).id;
  const api = await signIn(app, staff[0].email, password);
  const browser = await launchChromium();
  const phone = await browser.newContext({ viewport: PHONE });
  await signInWithBrowser(phone, baseUrl, staff[0].email, password);
  return {
    started,
    app,
    baseUrl,
    agencyId,
    idByEmail,
    caseId,
    browser,
    phone,
    api,
    close: async () => {
      await browser.close();
      await started.close();
    },
  };
}

/** `phonePagesWorld` started before the suite's tests and closed after them; its fields are there once they run. */
export function phonePagesForSuite(
  agencyName: string,
  staff: readonly StaffMember[],
  password: string,
  reference: string,
  then?: (world: PhonePagesWorld) => Promise<void>,
): PhonePagesWorld {
  const world = {} as PhonePagesWorld;
  beforeAll(async () => {
    Object.assign(world, await phonePagesWorld(agencyName, staff, password, reference));
    await then?.(world);
  });
  afterAll(() => world.close?.());
  return world;
}
