import type { Citation } from '../shared/citation.js';
import { defineErrors } from '../shared/errors.js';

/** Operation records must not be altered (art 21 ¶1 (4)): the ledger's reason to exist. */
export const LEDGER_CITATION: Citation = { article: 21, item: 4 };

export const LedgerErrors = defineErrors({
  JF_LEDGER_SIZE_BEYOND_TREE: {
    status: 400,
    message: { zh: '树大小 {size} 超出账本现有的 {treeSize} 条记录', en: 'Tree size {size} is beyond the ledger, which holds {treeSize} entries' },
  },
  JF_LEDGER_LEAF_OUT_OF_RANGE: {
    status: 400,
    message: { zh: '叶子序号 {leaf} 须小于树大小 {size}', en: 'Leaf index {leaf} must be below tree size {size}' },
  },
  JF_LEDGER_FROM_AFTER_TO: {
    status: 400,
    message: { zh: '一致性证明的起点 {from} 大于终点 {to}', en: 'A consistency proof cannot run from {from} back to {to}' },
  },
  JF_LEDGER_FROM_EMPTY: {
    status: 400,
    message: { zh: '与空树的一致性无需证明，起点须至少为 1', en: 'Consistency with the empty tree proves nothing; from must be at least 1' },
  },
  JF_LEDGER_BAD_RANGE: {
    status: 400,
    message: { zh: '记录范围无效：{reason}', en: 'Invalid range of entries: {reason}' },
  },
  JF_LEDGER_NO_CHECKPOINT: {
    status: 404,
    message: { zh: '账本尚未签署大小为 {size} 的检查点', en: 'The ledger has no signed checkpoint of size {size}' },
  },
  JF_LEDGER_NOT_STARTED: {
    status: 503,
    message: { zh: '账本尚未启用签名密钥', en: 'The ledger has no signing key yet' },
  },
  JF_LEDGER_EVENT_INVALID: {
    status: 500,
    message: { zh: '账本事件不符合叶子格式：{reason}', en: 'The ledger event does not fit the leaf format: {reason}' },
  },
  JF_LEDGER_KEY_MISSING: {
    status: 500,
    message: { zh: '找不到账本签名密钥文件 {file}', en: 'The ledger signing key file {file} is missing' },
  },
  JF_LEDGER_KEY_PERMISSIONS: {
    status: 500,
    message: {
      zh: '账本签名密钥文件 {file} 的权限为 {mode}，其他用户可读；请执行 chmod 600',
      en: 'The ledger signing key file {file} has mode {mode} and is readable by others; run chmod 600',
    },
  },
  JF_LEDGER_KEY_MALFORMED: {
    status: 500,
    message: { zh: '账本签名密钥文件 {file} 格式无效：{reason}', en: 'The ledger signing key file {file} is not a valid key: {reason}' },
  },
  JF_LEDGER_KEY_MISMATCH: {
    status: 500,
    message: {
      zh: '签名密钥文件 {file} 中的密钥 {found} 不是账本当前使用的密钥 {expected}',
      en: 'The signing key file {file} holds key {found}, not the ledger’s active key {expected}',
    },
  },
  JF_LEDGER_KEY_USED: {
    status: 500,
    message: {
      zh: '签名密钥文件 {file} 已为账本 {origin} 签过名；用它开始一个新的空账本会使原账本分叉。请恢复数据库，或将该密钥移开后再开始新账本',
      en: 'The signing key file {file} already signed the ledger {origin}; starting a new, empty ledger with it would fork that one. Restore the database, or move the key aside to start a new ledger',
    },
  },
  JF_LEDGER_ORIGIN_MISMATCH: {
    status: 500,
    message: { zh: '配置的账本标识 {configured} 与账本已有的标识 {stored} 不一致', en: 'The configured ledger origin {configured} differs from the ledger’s origin {stored}' },
  },
  JF_LEDGER_ROTATION_PENDING: {
    status: 409,
    message: { zh: '已有待启用的新签名密钥 {keyId}', en: 'A new signing key {keyId} is already waiting to be put into use' },
  },
  JF_LEDGER_CHECKPOINT_REJECTED: {
    status: 422,
    message: { zh: '检查点未通过验证：{reason}', en: 'The checkpoint was rejected: {reason}' },
  },
  JF_LEDGER_INCONSISTENT: {
    status: 422,
    message: { zh: '账本与先前的检查点不一致：{reason}', en: 'The ledger is not consistent with the earlier checkpoint: {reason}' },
  },
});
