// A real OpenID Connect provider (oidc-provider 8) playing the organisation's eID broker in tests:
// test identities with Swedish personnummer at assurance level 3 (and one at level 2), the
// personal identity number claim of the Swedish OIDC profile in the ID token, and an interaction
// that logs in the chosen identity. For e2e a tiny login page lists the identities as buttons;
// integration tests drive the same redirects with fetch (authenticate()).
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export const LOA2 = "http://id.elegnamnden.se/loa/1.0/loa2";
export const LOA3 = "http://id.elegnamnden.se/loa/1.0/loa3";
export const PNR_CLAIM = "https://id.oidc.se/claim/personalIdentityNumber";
export const PNR_SCOPE = "https://id.oidc.se/scope/naturalPersonNumber";

export interface TestIdentity {
  key: string;
  personnummer: string;
  givenName: string;
  familyName: string;
  acr: string;
}

/** Made-up personnummer with a valid check digit (not real people). */
export const TEST_IDENTITIES: readonly TestIdentity[] = [
  { key: "anna", personnummer: "198112189876", givenName: "Anna", familyName: "Andersson", acr: LOA3 },
  { key: "bertil", personnummer: "197205142388", givenName: "Bertil", familyName: "Berg", acr: LOA3 },
  { key: "cecilia", personnummer: "199001012385", givenName: "Cecilia", familyName: "Carlsson", acr: LOA3 },
  { key: "david", personnummer: "198507232398", givenName: "David", familyName: "Dahl", acr: LOA2 },
];

export const CLIENT = { id: "paragraf-signering", secret: "test-hemlighet-for-signering-med-e-legitimation" };

export interface OidcBroker {
  issuer: string;
  url: string;
  stop(): Promise<void>;
  /**
   * Follows `authorizationUrl` as a browser would, logs `identity` in at the broker and returns
   * the callback URL (redirect_uri?code=…&state=…) the provider sends the browser to.
   */
  authenticate(authorizationUrl: string, identity: string): Promise<URL>;
}

/** What loadExistingGrant reads of oidc-provider's context (the package has no types). */
interface GrantContext {
  oidc: {
    result?: { consent?: { grantId?: string } };
    session: { accountId: string; grantIdFor(clientId: string): string | undefined };
    client: { clientId: string };
    params: { scope: string };
    provider: {
      Grant: (new (init: { clientId: string; accountId: string }) => {
        addOIDCScope(scope: string): void;
        save(): Promise<string>;
      }) & { find(id: string): Promise<unknown> };
    };
  };
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startOidcBroker(options: {
  port?: number;
  redirectUris: string[];
  client?: { id: string; secret: string };
}): Promise<OidcBroker> {
  const client = options.client ?? CLIENT;
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://127.0.0.1:${port}`;
  const byKey = new Map(TEST_IDENTITIES.map((i) => [i.key, i]));

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.id,
        client_secret: client.secret,
        redirect_uris: options.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    acrValues: [LOA2, LOA3],
    scopes: ["openid", "profile", PNR_SCOPE],
    claims: {
      openid: ["sub"],
      profile: ["name", "given_name", "family_name"],
      [PNR_SCOPE]: [PNR_CLAIM],
    },
    // The Swedish profile puts the identity in the ID token, not only behind userinfo.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    cookies: { keys: ["oidc-broker-test-key"] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx: unknown, id: string) {
      const identity = byKey.get(id);
      if (!identity) return undefined;
      return {
        accountId: id,
        async claims() {
          return {
            sub: `sub-${identity.key}`,
            name: `${identity.givenName} ${identity.familyName}`,
            given_name: identity.givenName,
            family_name: identity.familyName,
            [PNR_CLAIM]: identity.personnummer,
          };
        },
      };
    },
    // No consent screen: the broker has agreed with the organisation what it releases.
    async loadExistingGrant(ctx: GrantContext) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope(ctx.oidc.params.scope);
      await grant.save();
      return grant;
    },
  });
  const callback = provider.callback();

  server.on("request", (req, res) => {
    const match = /^\/interaction\/([^/?]+)(\/login)?/.exec(req.url ?? "");
    if (!match) return callback(req, res);
    void (async () => {
      try {
        if (req.method === "POST" && match[2]) {
          const chunks: Buffer[] = [];
          for await (const chunk of req) chunks.push(chunk as Buffer);
          const identity = byKey.get(new URLSearchParams(Buffer.concat(chunks).toString()).get("identity") ?? "");
          if (!identity) {
            res.writeHead(400).end("Okänd testidentitet");
            return;
          }
          await provider.interactionFinished(
            req,
            res,
            { login: { accountId: identity.key, acr: identity.acr, amr: ["bankid"] } },
            { mergeWithLastSubmission: false },
          );
          return;
        }
        const details = await provider.interactionDetails(req, res);
        const buttons = TEST_IDENTITIES.map(
          (i) =>
            `<li><button type="submit" name="identity" value="${esc(i.key)}">${esc(i.givenName)} ${esc(i.familyName)} (${esc(i.personnummer.slice(0, 8))}-${esc(i.personnummer.slice(8))}, ${i.acr === LOA3 ? "tillitsnivå 3" : "tillitsnivå 2"})</button></li>`,
        ).join("");
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(
          `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Test-e-legitimation</title></head><body><main><h1>Test-e-legitimation</h1><p>Begärd tillitsnivå: ${esc(String(details.params.acr_values ?? ""))}</p><form method="post" action="/interaction/${esc(details.uid)}/login"><ul>${buttons}</ul></form></main></body></html>`,
        );
      } catch (e) {
        res.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end(String(e));
      }
    })();
  });

  async function authenticate(authorizationUrl: string, identity: string): Promise<URL> {
    const jar = new Map<string, string>();
    const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    const keep = (res: Response) => {
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(";");
        const eq = pair!.indexOf("=");
        jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1));
      }
    };
    let url = new URL(authorizationUrl);
    let body: string | undefined;
    for (let hop = 0; hop < 10; hop++) {
      if (url.origin !== issuer) return url; // back at the relying party: the callback
      const res = await fetch(url, {
        method: body ? "POST" : "GET",
        redirect: "manual",
        headers: {
          cookie: cookieHeader(),
          ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}),
        },
        body,
      });
      keep(res);
      body = undefined;
      const location = res.headers.get("location");
      if (location) {
        url = new URL(location, url);
        continue;
      }
      if (res.status === 200 && /^\/interaction\/[^/]+$/.test(url.pathname)) {
        // The login page: choose the identity.
        await res.text();
        url = new URL(`${url.pathname}/login`, url);
        body = new URLSearchParams({ identity }).toString();
        continue;
      }
      throw new Error(`Test-e-legitimationen svarade ${res.status}: ${await res.text()}`);
    }
    throw new Error("För många omdirigeringar i test-e-legitimationen.");
  }

  return {
    issuer,
    url: issuer,
    authenticate,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
