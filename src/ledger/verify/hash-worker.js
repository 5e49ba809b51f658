// A worker thread of the verifier's hash pool: hashes chunks as they come,
// either sent as bytes or read here from SQLite by range.
import { parentPort } from 'node:worker_threads';
import { hashChunk } from './merkle-chunk.js';
import { hashRange } from './range-task.js';

// Read connections close with the thread when the pool terminates it.
// The pool hands this thread work once it says it is ready.
parentPort.postMessage({ ready: true });
parentPort.on('message', (task) => {
  try {
    parentPort.postMessage({ id: task.id, result: task.kind === 'range' ? hashRange(task) : hashChunk(task) });
  } catch (e) {
    parentPort.postMessage({ id: task.id, error: String(e && e.stack ? e.stack : e) });
  }
});
