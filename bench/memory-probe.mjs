/**
 * Loaded into the measured server (`node --import ./bench/memory-probe.mjs …`): on SIGUSR2 it writes
 * the process's memory to MEMORY_PROBE_FILE — V8's heap, the buffers outside it, and the size of every
 * WebAssembly memory created (PGlite's PostgreSQL runs in one). Plain JavaScript, so that it loads the
 * same way whether the server runs through tsx or compiled.
 */
import { writeFileSync } from 'node:fs';
import v8 from 'node:v8';

const memories = [];
const NativeMemory = WebAssembly.Memory;
WebAssembly.Memory = function Memory(descriptor) {
  const memory = new NativeMemory(descriptor);
  // Weakly held: the probe must not keep alive a memory the program has dropped.
  memories.push(new WeakRef(memory));
  return memory;
};
WebAssembly.Memory.prototype = NativeMemory.prototype;

process.on('SIGUSR2', () => {
  global.gc?.();
  const usage = process.memoryUsage();
  const spaces = Object.fromEntries(
    v8.getHeapSpaceStatistics().map((s) => [s.space_name, s.space_used_size]),
  );
  writeFileSync(
    process.env.MEMORY_PROBE_FILE ?? 'memory-probe.json',
    JSON.stringify({
      ...usage,
      wasm: memories.reduce((total, ref) => total + (ref.deref()?.buffer.byteLength ?? 0), 0),
      spaces,
    }),
  );
});
