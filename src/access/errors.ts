import { defineErrors } from '../shared/errors.js';

export const AccessErrors = defineErrors({
  // Deliberately the same for an unknown user and a wrong password.
  JF_ACCESS_BAD_CREDENTIALS: { status: 401, message: { zh: '用户名或密码不正确', en: 'Wrong username or password' } },
  // Said only to whoever gave the right password, so it tells a stranger nothing.
  JF_ACCESS_ACCOUNT_DISABLED: { status: 403, message: { zh: '该账号已停用，不能登录；请联系系统管理员', en: 'This account is disabled and cannot log in; contact the system administrator' } },
  JF_ACCESS_OWN_DEMOTION: {
    status: 403,
    message: { zh: '管理员不能降低自己账号的角色：须由另一名管理员作出，以免平台无人管理账号', en: 'An administrator cannot demote their own account: another administrator must do it, so the platform is never left without one' },
  },
  JF_ACCESS_OWN_DISABLE: {
    status: 403,
    message: { zh: '管理员不能停用自己的账号：须由另一名管理员作出，以免平台无人管理账号', en: 'An administrator cannot disable their own account: another administrator must do it, so the platform is never left without one' },
  },
  JF_ACCESS_OWN_RESET: {
    status: 403,
    message: { zh: '不能重置自己的密码：请使用“修改密码”，须输入当前密码', en: 'You cannot reset your own password: use "Change password", which asks for the current one' },
  },
  JF_ACCESS_LAST_ADMIN: {
    status: 409,
    message: { zh: '这是最后一个启用的系统管理员账号，不能停用或改为其他角色', en: 'This is the last enabled administrator account; it cannot be disabled or given another role' },
  },
  JF_ACCESS_CHANGED_MEANWHILE: { status: 409, message: { zh: '账号在此期间已被修改，请重试', en: 'The account was changed in the meantime; try again' } },
  JF_ACCESS_USERNAME_TAKEN: { status: 409, message: { zh: '用户名“{username}”已被使用', en: 'The username "{username}" is already taken' } },
});
