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
