export { ROLES, ROLE_NAMES, POLICE_ROLES, isRole, type Role } from './roles.js';
export { divisionLevel, divisionPrefix, cityOf, within } from './jurisdiction.js';
export { isAllowed, listScope, mayReadHistory, RESOURCE_KINDS, ACTIONS, type Actor, type Action, type ResourceKind, type ResourceRef, type ListScope } from './policy.js';
export { createUser, validateNewUser, PASSWORD_MIN_LENGTH, type CreateUserOptions, type NewUser } from './users.js';
export { checkCredentials, login, logout, openSession, resolveSession, type CheckedUser, type Session } from './sessions.js';
export { AccessErrors } from './errors.js';
