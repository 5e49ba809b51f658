import { isAllowed, type Action, type ResourceRef } from '../access/index.js';
import { AppError, CommonErrors } from '../shared/errors.js';
import type { VaultActor } from './context.js';

/** Asks the one authorization decision (src/access/policy.ts); 403 when it says no. */
export function authorize(actor: VaultActor, action: Action, res: ResourceRef): asserts actor {
  if (!isAllowed(actor, action, res)) throw new AppError(CommonErrors.JF_FORBIDDEN);
}
