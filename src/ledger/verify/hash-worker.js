// A worker thread of the verifier's hash pool: hashes chunks as they come.
import { parentPort } from 'node:worker_threads';
import { hashChunk } from './merkle-chunk.js';

parentPort.on('message', (task) => {
  try {
    parentPort.postMessage({ id: task.id, result: hashChunk(task) });
  } catch (e) {
    parentPort.postMessage({ id: task.id, error: String(e && e.stack ? e.stack : e) });
  }
});
