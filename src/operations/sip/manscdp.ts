import { SaxesParser } from 'saxes';

/**
 * MANSCDP (GB/T 28181 annex A) bodies: the XML a device sends in a SIP
 * MESSAGE. Only the flat fields of the root element are read (`CmdType`,
 * `SN`, `DeviceID`, `Status`); a keepalive is
 * `<Notify><CmdType>Keepalive</CmdType><SN>…</SN><DeviceID>…</DeviceID><Status>OK</Status></Notify>`.
 * Devices declare GB2312 more often than UTF-8; the declared encoding decides.
 */

export interface ManscdpMessage {
  /** The root element: Notify, Query, Response, Control. */
  root: string;
  fields: Record<string, string>;
}

export class ManscdpError extends Error {}

/** The body as text, in the encoding its XML declaration names (GB2312, GBK, GB18030 or UTF-8). */
export function decodeBody(body: Buffer): string {
  const head = body.subarray(0, 100).toString('latin1');
  const enc = /encoding\s*=\s*["']([A-Za-z0-9_-]+)["']/i.exec(head)?.[1]?.toLowerCase();
  // GB18030 is a superset of GB2312 and GBK, so one decoder reads all three.
  const label = enc && /^(gb2312|gbk|gb18030|x-gbk)$/.test(enc) ? 'gb18030' : 'utf-8';
  return new TextDecoder(label, { fatal: true }).decode(body);
}

export function parseManscdp(body: Buffer): ManscdpMessage {
  let text: string;
  try {
    text = decodeBody(body);
  } catch {
    throw new ManscdpError('the body is not valid text in its declared encoding');
  }
  // saxes reads what the declaration says only as a label; the text is already decoded.
  text = text.replace(/^\s*<\?xml[^?]*\?>/, '');
  const parser = new SaxesParser();
  const stack: string[] = [];
  const fields: Record<string, string> = {};
  let root = '';
  parser.on('opentag', (t) => {
    if (!stack.length) root = t.name;
    stack.push(t.name);
  });
  parser.on('text', (s) => {
    if (stack.length === 2) fields[stack[1]] = (fields[stack[1]] ?? '') + s;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  try {
    parser.write(text).close();
  } catch (e) {
    throw new ManscdpError(`malformed XML: ${(e as Error).message.slice(0, 120)}`);
  }
  if (!root) throw new ManscdpError('no root element');
  for (const k of Object.keys(fields)) fields[k] = fields[k].trim();
  return { root, fields };
}
