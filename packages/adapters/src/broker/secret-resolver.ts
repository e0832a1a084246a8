import { inspect } from 'node:util';

/**
 * Where an adapter gets a secret (an API key) by name, at the moment it needs it:
 * the environment, a vault client, a platform's secret store. Secrets never come
 * from specs, and adapters never log them or put them in errors.
 */
export interface SecretResolver {
  /** The secret called `name`, or `undefined` when there is none. */
  resolve(name: string): Promise<string | undefined>;
}

/** Reads secrets from environment variables (`process.env` by default); empty values count as missing. */
export class EnvSecretResolver implements SecretResolver {
  /** @param env - the variables to read */
  constructor(private readonly env: Readonly<Record<string, string | undefined>> = process.env) {}

  /** The variable's value, or `undefined` when unset or empty. */
  async resolve(name: string): Promise<string | undefined> {
    const value = this.env[name];
    return value === undefined || value === '' ? undefined : value;
  }

  /** Never shows the variables. */
  toJSON(): string {
    return '[EnvSecretResolver]';
  }

  /** Never shows the variables. */
  [inspect.custom](): string {
    return '[EnvSecretResolver]';
  }
}

/** Secrets handed over by the host (e.g. read from its own vault at start-up); never shown by JSON or `inspect`. */
export class StaticSecretResolver implements SecretResolver {
  private readonly values: ReadonlyMap<string, string>;

  /** @param values - secret values by name */
  constructor(values: Readonly<Record<string, string>>) {
    this.values = new Map(Object.entries(values));
  }

  /** The secret, or `undefined`. */
  async resolve(name: string): Promise<string | undefined> {
    return this.values.get(name);
  }

  /** Never shows the values. */
  toJSON(): string {
    return '[StaticSecretResolver]';
  }

  /** Never shows the values. */
  [inspect.custom](): string {
    return '[StaticSecretResolver]';
  }
}
