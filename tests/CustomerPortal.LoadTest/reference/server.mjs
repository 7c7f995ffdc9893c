// The reference provider of the load benchmark: oidc-provider with in-memory storage and the
// same clients and grants as the IdP's benchmark run (code + PKCE, rotating refresh, client credentials).
import Provider from 'oidc-provider';

const port = Number(process.argv[2]);
const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [
    {
      client_id: 'load-web', client_secret: 'load-web-secret', redirect_uris: ['https://load.test/callback'],
      grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], scope: 'openid profile offline_access',
    },
    {
      client_id: 'load-service', client_secret: 'load-service-secret', redirect_uris: [],
      grant_types: ['client_credentials'], response_types: [], scope: 'addresses',
    },
  ],
  scopes: ['openid', 'profile', 'offline_access', 'addresses'],
  pkce: { required: () => true },
  features: { clientCredentials: { enabled: true }, devInteractions: { enabled: true } },
  rotateRefreshToken: true,
  findAccount: async (ctx, id) => ({ accountId: id, claims: async () => ({ sub: id }) }),
});
provider.listen(port, '127.0.0.1', () => console.log('Now listening'));
