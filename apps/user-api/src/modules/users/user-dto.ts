import type { PublicUser, User } from "@sharehood/sdk";
import type { AvatarUrl } from "../avatars/avatar-files.ts";

/** The columns of a user row the answers are made from. */
export type UserFields = {
  id: string;
  email: string;
  name: string;
  role: User["role"];
  emailVerifiedAt: Date | null;
  bio: string | null;
  neighbourhood: string | null;
  avatarId: string | null;
  suspendedAt: Date | null;
  suspendedReason: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/** The user columns answers about a token's owner need (never the password hash). */
export const OWNER_FIELDS = {
  id: true,
  email: true,
  name: true,
  role: true,
  emailVerifiedAt: true,
  bio: true,
  neighbourhood: true,
  avatarId: true,
  suspendedAt: true,
  suspendedReason: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Record<keyof UserFields, true>;

/** Turns user rows into answers; avatar URLs need the API's public origin. */
export function createUserDtos(avatarUrl: AvatarUrl) {
  return {
    avatarUrl,

    /** The profile a user sees of themselves. Picks fields one by one so a hash can never slip through. */
    user: (user: UserFields): User => ({
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      emailVerified: user.emailVerifiedAt !== null,
      bio: user.bio,
      neighbourhood: user.neighbourhood,
      avatarUrl: avatarUrl(user.avatarId),
      suspension: user.suspendedAt
        ? { at: user.suspendedAt.toISOString(), reason: user.suspendedReason ?? "" }
        : null,
      createdAt: user.createdAt.toISOString(),
      updatedAt: user.updatedAt.toISOString(),
    }),

    /** What anyone may see of a user: their public profile. */
    publicUser: (user: UserFields): PublicUser => ({
      id: user.id,
      name: user.name,
      createdAt: user.createdAt.toISOString(),
      bio: user.bio,
      neighbourhood: user.neighbourhood,
      avatarUrl: avatarUrl(user.avatarId),
      emailVerified: user.emailVerifiedAt !== null,
    }),
  };
}

export type UserDtos = ReturnType<typeof createUserDtos>;
