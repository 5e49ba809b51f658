import { createHash } from 'node:crypto';
import type { Actor } from '../access/index.js';
import { AppError, validationError } from '../shared/errors.js';
import { getItem, mayRead, workflowOf } from './engine.js';
import { WorkflowErrors } from './errors.js';
import { workflowDb } from './tables.js';
import type { WorkflowDeps } from './workflow.js';

/**
 * Photos of hazards and scans of filing materials. Not captured information
 * (that is the vault's): these are the record of an official procedure, kept
 * with its item and read by whoever may read the item.
 */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

const MAGIC: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
};

export async function saveAttachment(deps: WorkflowDeps, actor: Actor, itemId: number, filename: string, contentType: string, content: Buffer) {
  if (content.length > MAX_ATTACHMENT_BYTES) throw new AppError(WorkflowErrors.JF_WF_ATTACHMENT_TOO_LARGE, { params: { max: MAX_ATTACHMENT_BYTES } });
  const check = MAGIC[contentType];
  if (!check || !check(content)) {
    throw validationError([{ field: 'dataBase64', rule: 'content-type', message: { zh: `dataBase64：内容不是 ${contentType} 文件`, en: `dataBase64 is not a ${contentType} file` } }]);
  }
  const row = await workflowDb(deps.jdb.db)
    .insertInto('workflowAttachments')
    .values({
      itemId,
      filename: filename.replace(/[\\/\r\n]/g, '_'),
      contentType,
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
      uploadedBy: actor.userId,
      uploadedAt: deps.clock.now().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: Number(row.id) };
}

export async function loadAttachment(deps: WorkflowDeps, actor: Actor, id: number) {
  const row = await workflowDb(deps.jdb.db).selectFrom('workflowAttachments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const item = await getItem(deps, Number(row.itemId));
  if (!item || !mayRead(actor, workflowOf(item.machine).machine, item)) return undefined;
  return { filename: row.filename, contentType: row.contentType, content: Buffer.from(row.content) };
}

/** The ids among `ids` that are attachments of `itemId`. */
export async function attachmentsOf(db: Parameters<typeof workflowDb>[0], itemId: number, ids: readonly number[]): Promise<number[]> {
  if (!ids.length) return [];
  const rows = await workflowDb(db).selectFrom('workflowAttachments').select('id').where('itemId', '=', itemId).where('id', 'in', [...ids]).execute();
  return rows.map((r) => Number(r.id));
}
