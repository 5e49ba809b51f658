export { ROLES, ROLE_NAMES, POLICE_ROLES, isRole, type Role } from './roles.js';
export { divisionLevel, divisionPrefix, cityOf, within } from './jurisdiction.js';
export { isAllowed, listScope, mayNameReferences, mayReadHistory, decideAccount, RESOURCE_KINDS, ACTIONS, ACCOUNT_ACTIONS, type Actor, type Action, type ResourceKind, type ResourceRef, type ListScope, type AccountAction, type AccountDecision } from './policy.js';
export { createUser, validateNewUser, validateRights, validatePassword, PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, type CreateUserOptions, type NewUser, type AccountRightsInput } from './users.js';
export { listAccounts, getAccount, accountIdOf, ACCOUNT_STATUSES, ACCOUNT_SORTS, ACCOUNT_MAX_PAGE_SIZE, type Account, type AccountQuery, type AccountPage, type AccountSort, type AccountStatus } from './accounts.js';
export {
  changeRights,
  resetPassword,
  changeOwnPassword,
  setDisabled,
  revokeSessions,
  ACCOUNT_CHANGES,
  type AccountChange,
  type AccountChangeKind,
  type AccountChangeOptions,
  type RightsPatch,
} from './account-changes.js';
export { actorByUsername, actorsByUsername, checkCredentials, login, logout, openSession, resolveSession, type CheckedUser, type Session } from './sessions.js';
export { AccessErrors } from './errors.js';
