// SPDX-License-Identifier: EUPL-1.2
/**
 * OpenID Connect relying party (authorization code flow with PKCE, state and nonce) over `openid-client`.
 * No HTTP framework here: `begin` gives the provider URL and a sealed flow value for a short-lived cookie,
 * `complete` checks the provider's answer against it and returns the verified ID token subject.
 * The per-flow secrets travel in that cookie, AES-256-GCM sealed, so no server-side store is needed.
 */
import crypto from 'node:crypto';
import * as oidc from 'openid-client';
import { systemClock, type Clock } from '../clock.ts';
import { DomainError } from '../http/errors.ts';
import { safeEqual } from './session-token.ts';

/** Settings of the relying party. */
export interface OidcClientOptions {
  /** Issuer identifier; discovery reads `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  /** Confidential clients only; without it the client is public and relies on PKCE. */
  clientSecret?: string;
  /** The callback URL registered at the provider. */
  redirectUri: string;
  /** Scopes to ask for (default `openid`; residents also ask for the 基本4情報, e.g. `openid profile address`). */
  scope?: string;
  /** Lifetime of a started flow (default 10 minutes). */
  flowTtlSeconds?: number;
  clock?: Clock;
}

/** The decrypted contents of a flow cookie. */
export interface OidcFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Application data carried through the flow (e.g. municipality and return path). */
  data: Record<string, string>;
  /** Epoch seconds after which the flow is refused. */
  expiresAt: number;
}

/** Refused: the flow cookie is missing, unreadable or expired (no prior start, or too slow). */
export class OidcFlowMissingError extends DomainError {
  constructor() {
    super('oidc-flow-missing', 'ログイン手続の有効期限が切れたか、開始されていません。もう一度ログインしてください', 400,
      'No valid OpenID Connect flow in progress (missing or expired flow cookie)');
  }
}

/** Refused: the `state` answered by the provider is not the one this browser started with. */
export class OidcStateMismatchError extends DomainError {
  constructor() {
    super('oidc-state-mismatch', 'ログイン手続を確認できませんでした。もう一度ログインしてください', 400, 'OpenID Connect state mismatch');
  }
}

/** Refused: the provider reported an error, or its response or ID token failed validation. */
export class OidcProviderError extends DomainError {
  constructor(reason: string, providerError?: string) {
    super('oidc-provider-error', '認証基盤でのログインに失敗しました', 401, `OpenID Connect provider response refused: ${reason}`,
      providerError ? { providerError } : undefined);
  }
}

/** The provider cannot be reached (discovery, token endpoint or keys). */
export class OidcUnavailableError extends DomainError {
  constructor() {
    super('oidc-provider-unavailable', '認証基盤に接続できません。しばらくしてから再度お試しください', 503, 'OpenID Connect provider unavailable');
  }
}

const FLOW_AAD = Buffer.from('jichi-oidc-flow-v1');

/** True for http URLs on a loopback host, the only place where plain http is accepted (development, tests). */
export function isLoopbackHttp(url: URL): boolean {
  if (url.protocol !== 'http:') return false;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Creates the relying party. Discovery runs on first use and is cached (retried after a failure).
 * @example
 * const rp = createOidcClient({ issuer, clientId, clientSecret, redirectUri: `${publicUrl}/auth/oidc/callback` });
 * const { authorizationUrl, sealedFlow } = await rp.begin({ municipality: '202151' });
 */
export function createOidcClient(opts: OidcClientOptions) {
  const issuer = new URL(opts.issuer);
  const insecure = isLoopbackHttp(issuer);
  const clock = opts.clock ?? systemClock;
  const ttl = opts.flowTtlSeconds ?? 600;
  // A key derived from the client secret is shared by every instance; a public client gets a per-process key.
  const key = opts.clientSecret
    ? Buffer.from(crypto.hkdfSync('sha256', opts.clientSecret, 'jichi', 'oidc-flow-cookie', 32))
    : crypto.randomBytes(32);
  let configuration: Promise<oidc.Configuration> | undefined;

  async function discover(): Promise<oidc.Configuration> {
    const execute = [oidc.enableNonRepudiationChecks, ...(insecure ? [oidc.allowInsecureRequests] : [])];
    const found = await oidc.discovery(issuer, opts.clientId, opts.clientSecret, undefined, { execute, timeout: 10 });
    const meta = found.serverMetadata();
    const methods = meta.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
    const auth = !opts.clientSecret ? oidc.None()
      : methods.includes('client_secret_basic') ? oidc.ClientSecretBasic(opts.clientSecret)
        : oidc.ClientSecretPost(opts.clientSecret);
    const config = new oidc.Configuration(meta, opts.clientId, opts.clientSecret, auth);
    for (const fn of execute) fn(config);
    return config;
  }

  function configured(): Promise<oidc.Configuration> {
    configuration ??= discover().catch((err: unknown) => {
      configuration = undefined;
      throw mapError(err);
    });
    return configuration;
  }

  function seal(flow: OidcFlow): string {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', key, iv).setAAD(FLOW_AAD);
    const body = Buffer.concat([cipher.update(JSON.stringify(flow), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
  }

  return {
    /** The redirect URI sent to the provider. */
    redirectUri: opts.redirectUri,

    /** Starts a flow: the provider URL to redirect to and the sealed flow for the cookie. @throws OidcUnavailableError */
    async begin(data: Record<string, string>): Promise<{ authorizationUrl: URL; sealedFlow: string }> {
      const config = await configured();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const flow: OidcFlow = {
        state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier, data,
        expiresAt: Math.floor(clock.now().getTime() / 1000) + ttl,
      };
      const authorizationUrl = oidc.buildAuthorizationUrl(config, {
        redirect_uri: opts.redirectUri, scope: opts.scope ?? 'openid', response_type: 'code',
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier), code_challenge_method: 'S256',
        state: flow.state, nonce: flow.nonce,
      });
      return { authorizationUrl, sealedFlow: seal(flow) };
    },

    /** Decrypts a flow cookie; undefined when missing, tampered with or expired. */
    openFlow(sealed: string | undefined): OidcFlow | undefined {
      if (!sealed || sealed.length > 4096) return undefined;
      try {
        const raw = Buffer.from(sealed, 'base64url');
        if (raw.length < 12 + 16 + 2) return undefined;
        const decipher = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12)).setAAD(FLOW_AAD);
        decipher.setAuthTag(raw.subarray(raw.length - 16));
        const text = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
        const flow = JSON.parse(text) as OidcFlow;
        return flow.expiresAt >= clock.now().getTime() / 1000 ? flow : undefined;
      } catch {
        return undefined;
      }
    },

    /**
     * Checks the authorization response (state, issuer), redeems the code with the PKCE verifier and validates
     * the ID token (signature, issuer, audience, expiry, nonce) through the library.
     * @throws OidcStateMismatchError, OidcProviderError, OidcUnavailableError
     */
    async complete(flow: OidcFlow, callbackParams: URLSearchParams): Promise<{ subject: string; issuer: string; claims: Record<string, unknown> }> {
      const state = callbackParams.get('state');
      if (!state || !safeEqual(state, flow.state)) throw new OidcStateMismatchError();
      const config = await configured();
      // Rebuilt from the configured redirect URI, so a proxy in front of the app cannot change what is sent.
      const currentUrl = new URL(opts.redirectUri);
      for (const [k, v] of callbackParams) currentUrl.searchParams.append(k, v);
      try {
        const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
          pkceCodeVerifier: flow.codeVerifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true,
        });
        const claims = tokens.claims();
        if (!claims?.sub) throw new OidcProviderError('no subject in ID token');
        return { subject: claims.sub, issuer: claims.iss, claims: { ...claims } };
      } catch (err) {
        throw mapError(err);
      }
    },
  };
}

export type OidcClient = ReturnType<typeof createOidcClient>;

/** Turns library and network errors into domain errors (provider refusal vs. provider unreachable). */
function mapError(err: unknown): DomainError {
  if (err instanceof DomainError) return err;
  if (err instanceof oidc.AuthorizationResponseError) return new OidcProviderError('authorization error', err.error);
  if (err instanceof oidc.ResponseBodyError) return new OidcProviderError('token endpoint error', err.error);
  if (err instanceof oidc.ClientError) {
    // Transport-level failures of discovery or the token endpoint; the rest are validation failures.
    if (err.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' || err.code === 'OAUTH_RESPONSE_IS_NOT_JSON') return new OidcUnavailableError();
    return new OidcProviderError(err.message);
  }
  return new OidcUnavailableError();
}
