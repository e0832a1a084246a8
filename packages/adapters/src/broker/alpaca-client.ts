import { inspect } from 'node:util';
import type { z } from 'zod';
import { BrokerError, InvalidArgumentError, timerSleep } from '@alphaswarm/core';
import type { BrokerErrorCode, Sleep } from '@alphaswarm/core';
import type { FetchFunction } from '../llm/openai-compatible-llm-adapter.js';
import type { SecretResolver } from './secret-resolver.js';

/** Names of the two Alpaca credentials the client resolves. */
export interface AlpacaCredentialNames {
  /** Name of the key id secret; default `APCA_API_KEY_ID`. */
  readonly keyId?: string;
  /** Name of the secret key secret; default `APCA_API_SECRET_KEY`. */
  readonly secretKey?: string;
}

/** Options of an {@link AlpacaClient}. */
export interface AlpacaClientOptions {
  /** Base URL of the API, e.g. `https://paper-api.alpaca.markets` (no trailing `/v2`). */
  readonly baseUrl: string;
  /** Where the credentials come from. */
  readonly secrets: SecretResolver;
  /** Names of the credentials. */
  readonly credentialNames?: AlpacaCredentialNames;
  /** Time allowed for one attempt, in ms (a positive integer); default 10 000. */
  readonly timeoutMs?: number;
  /** Retries after a 429, a 5xx, a timeout or a network failure (a non-negative integer); default 3. */
  readonly maxRetries?: number;
  /** First back-off in ms, doubled after each retry and capped at 8 s, unless the server sends `Retry-After`; default 500. */
  readonly backoffMs?: number;
  /** How the client waits between retries (default real timers). */
  readonly sleep?: Sleep;
  /** The `fetch` to use (default the global one). */
  readonly fetch?: FetchFunction;
}

/** A request that got an answer outside 2xx (other than the retried 429/5xx): the status and Alpaca's message. */
export class AlpacaHttpError extends BrokerError {
  /** Alpaca's error code from the body, when given. */
  readonly alpacaCode: number | undefined;

  /**
   * @param method - HTTP method
   * @param path - request path
   * @param status - HTTP status
   * @param message - Alpaca's message (never credentials)
   * @param alpacaCode - Alpaca's numeric error code
   */
  constructor(method: string, path: string, status: number, message: string, alpacaCode?: number) {
    super(status === 401 ? 'BROKER_AUTH' : status === 404 ? 'BROKER_NOT_FOUND' : 'BROKER_PROTOCOL', `${method} ${path}: HTTP ${status}: ${message}`, { status, path });
    this.alpacaCode = alpacaCode;
  }
}

/** What one call sends. */
export interface AlpacaCallOptions<T> {
  /** Query parameters (undefined ones are left out). */
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  /** JSON body. */
  readonly body?: unknown;
  /** zod schema the response must match. */
  readonly schema?: z.ZodType<T>;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_RETRIES = 3;
const DEFAULT_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 8_000;

/**
 * The HTTP client of the Alpaca adapters: JSON over `fetch` with the `APCA-API-KEY-ID`
 * and `APCA-API-SECRET-KEY` headers, a timeout per attempt, and retries with back-off
 * on 429 (honouring `Retry-After`), 5xx, timeouts and network failures. Answers are
 * checked against a zod schema. Credentials are resolved on first use, kept out of
 * every message, and hidden from `JSON.stringify` and `inspect`.
 */
export class AlpacaClient {
  /** The base URL (origin and path, no trailing slash). */
  readonly baseUrl: string;
  private readonly secrets: SecretResolver;
  private readonly names: Required<AlpacaCredentialNames>;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly backoffMs: number;
  private readonly sleep: Sleep;
  private readonly fetchFn: FetchFunction;
  private headers: Promise<Record<string, string>> | undefined;

  /** @throws {@link @alphaswarm/core!InvalidArgumentError} on a bad URL, timeout, retry count or back-off */
  constructor(options: AlpacaClientOptions) {
    this.baseUrl = parseBaseUrl(options.baseUrl);
    this.secrets = options.secrets;
    this.names = { keyId: options.credentialNames?.keyId ?? 'APCA_API_KEY_ID', secretKey: options.credentialNames?.secretKey ?? 'APCA_API_SECRET_KEY' };
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (!Number.isInteger(this.timeoutMs) || this.timeoutMs <= 0) throw new InvalidArgumentError('timeoutMs', options.timeoutMs, 'a positive integer number of milliseconds');
    this.maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
    if (!Number.isInteger(this.maxRetries) || this.maxRetries < 0) throw new InvalidArgumentError('maxRetries', options.maxRetries, 'a non-negative integer');
    this.backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
    if (!(this.backoffMs >= 0 && Number.isFinite(this.backoffMs))) throw new InvalidArgumentError('backoffMs', options.backoffMs, 'a delay ≥ 0 in ms');
    this.sleep = options.sleep ?? timerSleep;
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  }

  /**
   * Sends one request and returns the checked JSON answer (`undefined` for 204).
   *
   * @throws {@link AlpacaHttpError} for an answer outside 2xx that is not retried;
   *   `BrokerError` `BROKER_RATE_LIMITED`, `BROKER_UNAVAILABLE` or `BROKER_TIMEOUT`
   *   once the retries are spent; `BROKER_AUTH` when a credential is missing;
   *   `BROKER_PROTOCOL` for an answer that does not match the schema.
   */
  async call<T>(method: 'GET' | 'POST' | 'DELETE', path: string, options: AlpacaCallOptions<T> = {}): Promise<T> {
    const headers = await this.credentials();
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [key, value] of Object.entries(options.query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    let lastFailure: BrokerError | undefined;
    for (let attempt = 0; attempt <= this.maxRetries; attempt += 1) {
      if (attempt > 0) await this.sleep((lastFailure instanceof RetryAfter ? lastFailure.waitMs : undefined) ?? Math.min(MAX_BACKOFF_MS, this.backoffMs * 2 ** (attempt - 1)));
      let response: Response;
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), this.timeoutMs);
      try {
        response = await this.fetchFn(url, {
          method,
          headers: { ...headers, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
          ...(body === undefined ? {} : { body }),
          signal: controller.signal,
        });
        const text = await response.text();
        clearTimeout(timer);
        if (response.status === 429 || response.status >= 500) {
          const code = response.status === 429 ? 'BROKER_RATE_LIMITED' : 'BROKER_UNAVAILABLE';
          lastFailure = new RetryAfter(code, `${method} ${path}: HTTP ${response.status}: ${messageOf(text)}`, response.status, path, retryAfterMs(response.headers.get('retry-after')));
          continue;
        }
        if (response.status < 200 || response.status >= 300) {
          const parsed = parseJson(text);
          const code = typeof parsed === 'object' && parsed !== null && typeof (parsed as { code?: unknown }).code === 'number' ? (parsed as { code: number }).code : undefined;
          throw new AlpacaHttpError(method, path, response.status, messageOf(text), code);
        }
        if (response.status === 204 || text === '') return undefined as T;
        const json = parseJson(text);
        if (options.schema === undefined) return json as T;
        const checked = options.schema.safeParse(json);
        if (!checked.success) {
          const issue = checked.error.issues[0];
          throw new BrokerError('BROKER_PROTOCOL', `${method} ${path}: unexpected answer at ${issue?.path.map(String).join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`, { status: response.status, path });
        }
        return checked.data;
      } catch (error) {
        clearTimeout(timer);
        if (error instanceof BrokerError) throw error;
        lastFailure = controller.signal.aborted
          ? new BrokerError('BROKER_TIMEOUT', `${method} ${path}: no answer within ${this.timeoutMs} ms`, { path, cause: error })
          : new BrokerError('BROKER_UNAVAILABLE', `${method} ${path}: ${error instanceof Error ? error.message : String(error)}`, { path, cause: error });
      }
    }
    const failure = lastFailure ?? new BrokerError('BROKER_UNAVAILABLE', `${method} ${path}: failed`, { path });
    throw new BrokerError(failure.code as BrokerErrorCode, `${failure.message} (after ${this.maxRetries} ${this.maxRetries === 1 ? 'retry' : 'retries'})`, { ...(failure.status === undefined ? {} : { status: failure.status }), path });
  }

  /** Never shows the credentials. */
  toJSON(): string {
    return `[AlpacaClient ${this.baseUrl}]`;
  }

  /** Never shows the credentials. */
  [inspect.custom](): string {
    return `[AlpacaClient ${this.baseUrl}]`;
  }

  private credentials(): Promise<Record<string, string>> {
    this.headers ??= (async () => {
      const keyId = await this.secrets.resolve(this.names.keyId);
      const secretKey = await this.secrets.resolve(this.names.secretKey);
      const missing = [keyId === undefined ? this.names.keyId : undefined, secretKey === undefined ? this.names.secretKey : undefined].filter((n) => n !== undefined);
      if (keyId === undefined || secretKey === undefined) {
        throw new BrokerError('BROKER_AUTH', `missing Alpaca credential ${missing.join(' and ')}: set it in the environment or pass a secret resolver`);
      }
      return { 'APCA-API-KEY-ID': keyId, 'APCA-API-SECRET-KEY': secretKey };
    })();
    // A failed resolution is retried at the next call.
    this.headers.catch(() => (this.headers = undefined));
    return this.headers;
  }
}

/** A retryable failure with the wait the server asked for. */
class RetryAfter extends BrokerError {
  constructor(
    code: 'BROKER_RATE_LIMITED' | 'BROKER_UNAVAILABLE',
    message: string,
    status: number,
    path: string,
    readonly waitMs: number | undefined,
  ) {
    super(code, message, { status, path });
  }
}

function retryAfterMs(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(60_000, seconds * 1000) : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function messageOf(text: string): string {
  const parsed = parseJson(text);
  if (typeof parsed === 'object' && parsed !== null && typeof (parsed as { message?: unknown }).message === 'string') return (parsed as { message: string }).message;
  return text.slice(0, 200) || '(no body)';
}

function parseBaseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidArgumentError('baseUrl', text, 'an absolute http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidArgumentError('baseUrl', text, 'an http(s) URL');
  if (url.username !== '' || url.password !== '') throw new InvalidArgumentError('baseUrl', `${url.protocol}//${url.host}`, 'a URL without credentials in it');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
