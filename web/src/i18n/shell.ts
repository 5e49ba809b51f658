import { defineCatalogue } from './i18n';

/** The frame around every page: header, menu, home. */
export const shell = defineCatalogue({
  'zh-CN': {
    skipToContent: '跳到正文',
    mainNav: '主导航',
    language: '界面语言',
    login: '登录',
    logout: '退出登录',
    loggedInAs: '当前用户',
    menuHome: '首页',
    menuLaw: '条例',
    menuRegistries: '登记管理',
    menuOwnUnit: '本单位',
    menuOwnProvider: '本服务单位备案',
    readRegulation: '阅读条例',
    footer: '技防 Jifang · 依据《辽宁省公共安全技术防范条例》（2014年11月27日通过，2015年2月1日起施行）· 平台不收取任何费用，不推荐任何产品或服务单位',
  },
  en: {
    skipToContent: 'Skip to content',
    mainNav: 'Main navigation',
    language: 'Interface language',
    login: 'Log in',
    logout: 'Log out',
    loggedInAs: 'Logged in as',
    menuHome: 'Home',
    menuLaw: 'Regulation',
    menuRegistries: 'Registries',
    menuOwnUnit: 'My unit',
    menuOwnProvider: 'My provider filing',
    readRegulation: 'Read the regulation',
    footer: 'Jifang · under the Liaoning Province Regulations on Public Security Technical Prevention (adopted 27 November 2014, in force 1 February 2015) · the platform charges no fees and recommends no product or provider',
  },
});
