import { AppConfig, ConfigError, loadConfig } from '@probity/config';

/** A misconfigured process stops before it touches anything, with one line saying what to fix. */
export function loadConfigOrExit(environment: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(environment);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`probity: ${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}
