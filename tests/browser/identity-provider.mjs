// A real OpenID Provider for the single sign-on tests: npm `oidc-provider` (a certified
// implementation) on the loopback address, with its development login pages (any login name is
// that account; the password is not checked), two registered clients and its own RSA signing key.
// `tamper` changes the ID token its token endpoint answers with: `claims` are set in it and it
// is signed again with the provider's own key (as the provider would sign them: how the tests
// give an `amr`, or a token for another audience, an old one, another issuer's, another
// request's nonce); `foreignKey` signs it with a key the provider never published (same key
// id); `hmacWith` signs it HS256 with the given secret (the client secret muni-id holds too).
import { createHmac, createSign, generateKeyPairSync } from 'node:crypto';
import Provider from 'oidc-provider';

/**
 * The provider's people by login (their `sub`): the username they claim and their groups.
 * `ana.impostor` is another person the provider (wrongly, or after a rename) gives ana's name.
 */
export const ACCOUNTS = {
  'ana.clerk': { username: 'ana.clerk', groups: ['all-staff', 'muni-id-clerks'] },
  'ana.impostor': { username: 'ana.clerk', groups: ['muni-id-clerks'] },
  'ben.parks': { username: 'ben.parks', groups: ['all-staff', 'parks-department'] },
  'carla.new': { username: 'carla.new', groups: ['muni-id-clerks'] },
  'root.admin': { username: 'root.admin', groups: ['muni-id-admins'] },
};

function rsaKey(kid) {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey, jwk: { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' } };
}

function resign(idToken, changes, { privateKey, hmacSecret }) {
  const [header, payload] = idToken.split('.');
  const claims = { ...JSON.parse(Buffer.from(payload, 'base64url')), ...changes };
  const head = JSON.parse(Buffer.from(header, 'base64url'));
  if (hmacSecret) head.alg = 'HS256';
  const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = `${encode(head)}.${encode(claims)}`;
  const signature = hmacSecret
    ? createHmac('sha256', hmacSecret).update(body).digest('base64url')
    : createSign('RSA-SHA256').update(body).sign(privateKey).toString('base64url');
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
      claims: async () => ({
        sub: id,
        preferred_username: ACCOUNTS[id]?.username ?? id,
        groups: ACCOUNTS[id]?.groups ?? [],
      }),
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
    const claims = tamper.claims ?? {};
    if (tamper.hmacWith) {
      ctx.body.id_token = resign(ctx.body.id_token, claims, { hmacSecret: tamper.hmacWith });
    } else if (tamper.foreignKey) {
      ctx.body.id_token = resign(ctx.body.id_token, claims, foreign);
    } else if (Object.keys(claims).length) {
      ctx.body.id_token = resign(ctx.body.id_token, claims, signing);
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
