// A real OpenID Provider for the single sign-on tests: npm `oidc-provider` (a certified
// implementation) on the loopback address, with its development login pages (any login name is
// that account; the password is not checked), two registered clients and its own RSA signing key.
// `tamper` changes what its token endpoint answers, as an attacker holding the provider's
// key, or another client's token, would: { audience: 'x' } re-signs the ID token for another
// audience with the provider's own key; { foreignKey: true } signs it with a key the provider
// never published (same key id).
import { createSign, generateKeyPairSync } from 'node:crypto';
import Provider from 'oidc-provider';

/** Groups by account; the provider puts them in the ID token's `groups` claim. */
export const ACCOUNTS = {
  'ana.clerk': ['all-staff', 'muni-id-clerks'],
  'ben.parks': ['all-staff', 'parks-department'],
  'carla.new': ['muni-id-clerks'],
};

function rsaKey(kid) {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey, jwk: { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' } };
}

function resign(idToken, changes, privateKey) {
  const [header, payload] = idToken.split('.');
  const claims = { ...JSON.parse(Buffer.from(payload, 'base64url')), ...changes };
  const body = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  const signature = createSign('RSA-SHA256').update(body).sign(privateKey).toString('base64url');
  return `${body}.${signature}`;
}

/**
 * Starts the provider at http://127.0.0.1:`port` with the client `clientId`/`secret` whose
 * redirect URI is `redirectUri`. Returns { issuer, tamper, stop }.
 */
export async function startProvider({ port, clientId, secret, redirectUri }) {
  const issuer = `http://127.0.0.1:${port}`;
  const signing = rsaKey('op-key-1');
  const foreign = rsaKey('op-key-1');
  const tamper = {};
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: secret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
      {
        client_id: 'another-city-app',
        client_secret: 'another app secret that is long enough',
        redirect_uris: ['http://127.0.0.1:9/callback'],
      },
    ],
    jwks: { keys: [signing.jwk] },
    findAccount: async (_ctx, id) => ({
      accountId: id,
      claims: async () => ({ sub: id, preferred_username: id, groups: ACCOUNTS[id] || [] }),
    }),
    claims: { openid: ['sub'], profile: ['preferred_username', 'groups'] },
    // The claims the scopes ask for go in the ID token itself (not only to userinfo).
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['test cookie key for the provider only'] },
  });
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path !== '/token' || !ctx.body || typeof ctx.body !== 'object' || !ctx.body.id_token) return;
    if (tamper.audience) {
      ctx.body.id_token = resign(ctx.body.id_token, { aud: tamper.audience }, signing.privateKey);
    } else if (tamper.foreignKey) {
      ctx.body.id_token = resign(ctx.body.id_token, {}, foreign.privateKey);
    }
  });
  const server = await new Promise((done) => {
    const s = provider.listen(port, '127.0.0.1', () => done(s));
  });
  return {
    issuer,
    tamper,
    stop: () => new Promise((done) => server.close(done)),
  };
}
