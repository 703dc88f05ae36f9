// The small part of panva's oidc-provider 9 (which ships no types) that the stand-in uses.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface OidcState {
    provider: Provider;
    route: string;
    client?: { clientId: string };
    account?: { accountId: string };
    params?: Record<string, unknown>;
    result?: Record<string, unknown>;
    readonly requestParamOIDCScopes: Set<string>;
    readonly requestParamClaims: Set<string>;
    urlFor(name: string): string;
  }

  export interface OidcContext {
    oidc: OidcState;
    path: string;
    status: number;
    body: unknown;
  }

  export interface Account {
    accountId: string;
    claims(use: string, scope: string): Record<string, unknown> | Promise<Record<string, unknown>>;
  }

  export interface InteractionDetails {
    uid: string;
    prompt: { name: string; reasons: string[] };
    params: Record<string, unknown>;
  }

  export interface GrantInstance {
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    save(): Promise<string>;
  }

  export interface IdTokenInstance {
    client: { clientId: string };
    payload(): Promise<Record<string, unknown>>;
  }

  export type IssueIdToken = (this: IdTokenInstance, options?: { use?: string }) => Promise<string>;

  export class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    readonly issuer: string;
    readonly Grant: new (init: { accountId: string; clientId: string }) => GrantInstance;
    readonly IdToken: { prototype: { issue: IssueIdToken } };
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: Record<string, unknown>,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  type OidcError = new (description?: string, detail?: string) => Error;
  export const errors: {
    InvalidClientAuth: OidcError;
    InvalidScope: OidcError;
    InvalidRequest: OidcError;
  };

  export class Check {
    constructor(reason: string, description: string, check: (ctx: OidcContext) => boolean | Promise<boolean>);
    static REQUEST_PROMPT: true;
    static NO_NEED_TO_PROMPT: false;
  }

  export const interactionPolicy: {
    Check: typeof Check;
    base(): { get(name: string): { checks: { add(check: Check): void } } | undefined };
  };

  export default Provider;
}
