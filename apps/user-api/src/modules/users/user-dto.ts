import type { PublicUser, User } from "@sharehood/sdk";

type UserFields = {
  id: string;
  email: string;
  name: string;
  role: User["role"];
  emailVerifiedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

/** The profile a user sees of themselves. Picks fields one by one so a hash can never slip through. */
export function toUserDto(user: UserFields): User {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    emailVerified: user.emailVerifiedAt !== null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

/** What anyone may see of a user. */
export function toPublicUserDto(user: Pick<UserFields, "id" | "name" | "createdAt">): PublicUser {
  return { id: user.id, name: user.name, createdAt: user.createdAt.toISOString() };
}
