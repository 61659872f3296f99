/**
 * A process that runs one real `store.install` and kills itself with SIGKILL just before its
 * file-system call number KILL_AT (counting from 0) — or, when that call is a write, halfway
 * through it, leaving a torn write. Driven by store-crash.test.ts; with KILL_AT past the last
 * call it completes and prints how many calls the install made.
 *
 *   node crash-child.ts STORE_DIR SOURCE TRUST_DIR KILL_AT
 */
import { loadTrustStore } from '../../../electron/core/keys/trust-store.ts';
import { type FileIo, nodeFileIo } from '../../../electron/core/store/atomic-file.ts';
import { openStore } from '../../../electron/core/store/store.ts';

const [storeDir = '', source = '', trustDir = '', killAtText = ''] = process.argv.slice(2);
const killAt = Number(killAtText);
let calls = 0;
let armed = false;

const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable: the process is gone');
};

/** Counts the install's calls; true for the one to die at. */
const step = (): boolean => armed && calls++ === killAt;

const crashingIo: FileIo = {
  openSync: (path, flags) => (step() ? die() : nodeFileIo.openSync(path, flags)),
  writeSync: (fd, data, offset, length) => {
    if (!step()) return nodeFileIo.writeSync(fd, data, offset, length);
    nodeFileIo.writeSync(fd, data, offset, Math.floor(length / 2));
    return die();
  },
  fsyncSync: (fd) => (step() ? die() : nodeFileIo.fsyncSync(fd)),
  closeSync: (fd) => (step() ? die() : nodeFileIo.closeSync(fd)),
  renameSync: (from, to) => (step() ? die() : nodeFileIo.renameSync(from, to)),
  unlinkSync: (path) => (step() ? die() : nodeFileIo.unlinkSync(path)),
};

const store = openStore(storeDir, { io: crashingIo, keep: 1 });
armed = true; // Count the install only, not the sweep on open.
const outcome = await store.install(source, {
  trust: loadTrustStore([trustDir]),
  device: 'crash-test',
});
process.stdout.write(JSON.stringify({ calls, outcome: outcome.outcome }));
