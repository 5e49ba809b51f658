import { defineErrors } from '../shared/errors.js';

export const AccessErrors = defineErrors({
  // Deliberately the same for an unknown user, a wrong password and a disabled account.
  JF_ACCESS_BAD_CREDENTIALS: { status: 401, message: { zh: '用户名或密码不正确', en: 'Wrong username or password' } },
  JF_ACCESS_USERNAME_TAKEN: { status: 409, message: { zh: '用户名“{username}”已被使用', en: 'The username "{username}" is already taken' } },
});
