import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('runs in zero-setup mode when neither DATABASE_URL nor REDIS_URL is set', () => {
    const config = loadConfig({});
    expect(config.mode).toBe('zero-setup');
    expect(config.port).toBe(3000);
    expect(config.publicBaseUrl).toBe('http://localhost:3000');
  });

  it('runs in services mode when both URLs are set', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@db:5432/probity',
      REDIS_URL: 'redis://cache:6379',
      PORT: '8080',
    });
    expect(config.mode).toBe('services');
    expect(config.port).toBe(8080);
  });

  it('names the variable and the rule when a URL is malformed', () => {
    expect(() => loadConfig({ DATABASE_URL: 'nonsense', REDIS_URL: 'redis://cache:6379' })).toThrow(
      /DATABASE_URL must be a URL starting with postgres:\/\/ or postgresql:\/\//,
    );
  });

  it('refuses half of the services configuration', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@db/probity' })).toThrow(ConfigError);
  });

  it('reports every problem at once', () => {
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toHaveLength(2);
    }
  });
});

describe('dossier seal', () => {
  it('refuses a PKCS#12 file without its passphrase file, naming both', () => {
    expect(() => loadConfig({ DOSSIER_SIGNING_P12_FILE: '/run/secrets/seal.p12' })).toThrow(
      /DOSSIER_SIGNING_P12_FILE and DOSSIER_SIGNING_P12_PASSPHRASE_FILE must be set together/,
    );
  });

  it('resolves the seal files and accepts an http(s) time-stamping authority only', () => {
    const config = loadConfig({
      DOSSIER_SIGNING_P12_FILE: 'seal.p12',
      DOSSIER_SIGNING_P12_PASSPHRASE_FILE: 'seal.pass',
      TSA_URL: 'http://tsa.example/tsr',
    });
    expect(config.dossierSigningP12File).toMatch(/^\/.*seal\.p12$/);
    expect(config.tsaUrl).toBe('http://tsa.example/tsr');
    expect(() => loadConfig({ TSA_URL: 'ftp://tsa.example' })).toThrow(/TSA_URL must be a URL starting with http/);
  });
});

describe('TRUST_PROXY', () => {
  it('trusts no proxy by default, so X-Forwarded-For is never the client address', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'none' }).trustProxy).toBe(false);
  });

  it.each([
    ['1', 1],
    ['loopback', ['loopback']],
    ['10.0.0.0/8, 192.168.1.5', ['10.0.0.0/8', '192.168.1.5']],
    ['loopback,fd00::/8', ['loopback', 'fd00::/8']],
  ])('accepts %s', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it.each(['true', 'all', '10.0.0.0/33', 'proxy.internal', '0', '99'])('refuses %s with a reason', (value) => {
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
  });
});

describe('database pool', () => {
  it('keeps 10 connections and waits 5 s for one unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({ databasePoolSize: 10, databasePoolWaitMs: 5000 });
    expect(loadConfig({ DATABASE_POOL_SIZE: '25', DATABASE_POOL_WAIT_MS: '800' })).toMatchObject({
      databasePoolSize: 25,
      databasePoolWaitMs: 800,
    });
  });

  it.each([
    ['DATABASE_POOL_SIZE', '0'],
    ['DATABASE_POOL_SIZE', 'many'],
    ['DATABASE_POOL_WAIT_MS', '10'],
    ['DATABASE_POOL_WAIT_MS', '1.5'],
  ])('refuses %s=%s with its name', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });
});
