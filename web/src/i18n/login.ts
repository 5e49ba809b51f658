import { defineCatalogue } from './i18n';

export const login = defineCatalogue({
  'zh-CN': {
    title: '登录',
    username: '用户名',
    password: '密码',
    usernameRequired: '请输入用户名',
    passwordRequired: '请输入密码',
    submit: '登录',
    publicNote: '无需登录即可阅读条例全文。',
  },
  en: {
    title: 'Log in',
    username: 'Username',
    password: 'Password',
    usernameRequired: 'Enter your username',
    passwordRequired: 'Enter your password',
    submit: 'Log in',
    publicNote: 'The regulation can be read without logging in.',
  },
});
