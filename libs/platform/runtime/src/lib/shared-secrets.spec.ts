import { loadConfig } from '@probity/config';
import {
  disagreeingSecrets,
  disagreementMessage,
  secretFingerprint,
  sessionSecretOf,
  SharedSecret,
} from './shared-secrets';

const secret = (variable: string, fingerprint: string): SharedSecret => ({
  variable,
  name: variable.toLowerCase(),
  fingerprint,
  remedy: `Set the same ${variable} everywhere.`,
});

describe('secrets shared by the processes of one installation', () => {
  it('agrees when nothing is recorded yet or the recorded fingerprints are equal', () => {
    expect(disagreeingSecrets({}, [secret('SESSION_SECRET', 'a')])).toEqual([]);
    expect(disagreeingSecrets({ SESSION_SECRET: 'a', OTHER: 'x' }, [secret('SESSION_SECRET', 'a')])).toEqual([]);
  });

  it('names each secret whose fingerprint differs from the recorded one', () => {
    const mine = [secret('SESSION_SECRET', 'a'), secret('DOSSIER_SIGNING_P12_FILE', 'b')];
    const differing = disagreeingSecrets({ SESSION_SECRET: 'a', DOSSIER_SIGNING_P12_FILE: 'c' }, mine);
    expect(differing.map((entry) => entry.variable)).toEqual(['DOSSIER_SIGNING_P12_FILE']);
    expect(disagreementMessage(differing[0])).toMatch(
      /^DOSSIER_SIGNING_P12_FILE: .* Set the same DOSSIER_SIGNING_P12_FILE everywhere\.$/,
    );
  });

  it('fingerprints are equal for equal secrets, differ otherwise, and do not contain the secret', () => {
    const value = 'x'.repeat(40);
    expect(secretFingerprint(value)).toBe(secretFingerprint(value));
    expect(secretFingerprint(value)).not.toBe(secretFingerprint(`${value}y`));
    expect(secretFingerprint(value)).not.toContain(value);
  });

  it('services mode needs an explicit SESSION_SECRET', () => {
    const services = { DATABASE_URL: 'postgres://db/probity', REDIS_URL: 'redis://redis:6379' };
    expect(sessionSecretOf(loadConfig(services))).toEqual({
      missing: expect.stringMatching(/^SESSION_SECRET must be set/),
    });
    expect(sessionSecretOf(loadConfig({ ...services, SESSION_SECRET: 's'.repeat(32) }))).toMatchObject({
      variable: 'SESSION_SECRET',
      fingerprint: secretFingerprint('s'.repeat(32)),
    });
  });
});
