import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { AuthResultSchema } from "@sharehood/sdk";
import { getEnv, usesSecureCookies } from "@/env";
import type { SessionTokens, Viewer } from "@/server/session-token";
import { ensureFreshTokens, tokensFromAuthResult } from "@/server/token-refresh";

/** The session cookie's name; `readSessionTokens` decodes the same cookie. */
export const SESSION_COOKIE = "sharehood.session";
/** Matches the User API's refresh-token lifetime (30 days). */
const SESSION_MAX_AGE_SECONDS = 30 * 24 * 3600;

declare module "next-auth" {
  interface Session {
    viewer: Viewer;
  }
  interface User {
    sessionTokens?: SessionTokens;
    /** A new avatar (a path on this site) handed to `updateSession` after an upload or removal. */
    avatarUrl?: string | null;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    tokens?: SessionTokens;
  }
}

function config(): NextAuthConfig {
  const env = getEnv();
  const secure = usesSecureCookies(env);
  return {
    secret: env.AUTH_SECRET,
    trustHost: true,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in" },
    cookies: {
      sessionToken: {
        name: SESSION_COOKIE,
        options: { httpOnly: true, sameSite: "lax", path: "/", secure },
      },
    },
    providers: [
      // The sign-in and register server actions talk to the User API themselves (so they can
      // show its field errors) and hand its answer over here; nothing else can, as no /api/auth
      // route is mounted. The answer carries the token's permissions, which only shape the pages:
      // the APIs check the token itself on every call.
      Credentials({
        credentials: { authResult: {} },
        authorize(credentials) {
          const parsed = AuthResultSchema.safeParse(
            typeof credentials.authResult === "string" ? JSON.parse(credentials.authResult) : undefined,
          );
          if (!parsed.success) throw new CredentialsSignin();
          const sessionTokens = tokensFromAuthResult(parsed.data);
          return Promise.resolve({
            id: sessionTokens.viewer.id,
            name: sessionTokens.viewer.name,
            sessionTokens,
          });
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user, trigger, session }) {
        if (user?.sessionTokens) return { sub: user.sessionTokens.viewer.id, tokens: user.sessionTokens };
        if (!token.tokens) return null;
        const fresh = await ensureFreshTokens(token.tokens);
        // A refused refresh token ends the session: next-auth clears the cookie.
        if (!fresh) return null;
        // A profile edit: the new name, email or avatar shows at once instead of at the next refresh.
        if (trigger === "update") {
          const edit = (
            session as { user?: { name?: unknown; email?: unknown; avatarUrl?: unknown } } | undefined
          )?.user;
          const changes = {
            ...(typeof edit?.name === "string" ? { name: edit.name } : {}),
            ...(typeof edit?.email === "string" ? { email: edit.email } : {}),
            ...(typeof edit?.avatarUrl === "string" || edit?.avatarUrl === null
              ? { avatarUrl: edit.avatarUrl }
              : {}),
          };
          return { ...token, tokens: { ...fresh, viewer: { ...fresh.viewer, ...changes } } };
        }
        return { ...token, tokens: fresh };
      },
      // Only who is signed in leaves the server; the API tokens stay inside the encrypted cookie.
      session({ session, token }) {
        // next-auth's server-side wrapper adds `user: token` unless `user` is set, so blank it.
        return {
          expires: session.expires,
          viewer: token.tokens!.viewer,
          user: undefined,
        };
      },
    },
  };
}

export const { auth, signIn, signOut, unstable_update: updateSession } = NextAuth(() => config());
