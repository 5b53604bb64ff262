/**
 * Where a server's resident memory is at its peak, preloaded into the server by `npm run bench:memory --
 * --breakdown` (`node --require bench/memory-probe.cjs`; Node runs a preload in every worker thread
 * too). Diagnostics only: it samples every 20 ms, which costs CPU, so CPU figures measured with it are
 * not comparable with those measured without it.
 *
 * Every thread (the main one and each read worker: each is a V8 isolate with a heap of its own inside the
 * one process) samples its own heap (`v8.getHeapStatistics()`, `getHeapSpaceStatistics()`) and counts
 * its garbage collections (minor / major, with their time). Workers post theirs on a BroadcastChannel;
 * the main thread keeps each thread's latest, reads the process's RSS from /proc/self/statm, and each
 * time the RSS passes its highest so far takes a snapshot: every isolate's heap, `process.memoryUsage()`
 * and, at most once per MB of growth, /proc/self/smaps split into malloc's main heap, other anonymous
 * memory and mapped files. The benchmark names the phase it is in (an operation) by writing its name to
 * the file MEMORY_PROBE_PHASE; each phase gets its own peak snapshot, and the snapshots are written as
 * JSON to MEMORY_PROBE_OUT when the process exits.
 */
'use strict';
const fs = require('node:fs');
const v8 = require('node:v8');
const { isMainThread, threadId, BroadcastChannel } = require('node:worker_threads');
const { PerformanceObserver, constants } = require('node:perf_hooks');

const MB = 2 ** 20;
const channel = new BroadcastChannel('dossier-memory-probe');
channel.unref();

const gc = { minor: 0, minorMs: 0, major: 0, majorMs: 0 };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const kind = e.detail ? e.detail.kind : e.kind;
    if (kind === constants.NODE_PERFORMANCE_GC_MINOR) { gc.minor++; gc.minorMs += e.duration; }
    if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) { gc.major++; gc.majorMs += e.duration; }
  }
}).observe({ entryTypes: ['gc'] });

function heap() {
  const h = v8.getHeapStatistics();
  const spaces = {};
  for (const s of v8.getHeapSpaceStatistics()) spaces[s.space_name.replace(/_space$/, '')] = +(s.physical_space_size / MB).toFixed(1);
  return {
    thread: threadId,
    physicalMb: +(h.total_physical_size / MB).toFixed(1),
    usedMb: +(h.used_heap_size / MB).toFixed(1),
    externalMb: +(h.external_memory / MB).toFixed(1),
    mallocedMb: +(h.malloced_memory / MB).toFixed(1),
    spaces,
    gc: { ...gc, minorMs: Math.round(gc.minorMs), majorMs: Math.round(gc.majorMs) },
  };
}

if (!isMainThread) {
  setInterval(() => channel.postMessage(heap()), 20).unref();
} else {
  const PAGE = 4096;
  const latest = new Map();
  channel.onmessage = (e) => latest.set(e.data.thread, e.data);
  const rssMb = () => Number(fs.readFileSync('/proc/self/statm', 'utf8').split(' ')[1]) * PAGE / MB;
  const hwmMb = () => Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]) / 1024;
  function smaps() {
    const mb = { mallocHeap: 0, anonymous: 0, files: 0 };
    let kind = 'anonymous';
    for (const line of fs.readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
      const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
      if (head) { kind = head[1] === '[heap]' ? 'mallocHeap' : head[1].startsWith('/') ? 'files' : 'anonymous'; continue; }
      const rss = /^Rss:\s+(\d+) kB/.exec(line);
      if (rss) mb[kind] += Number(rss[1]) / 1024;
    }
    for (const k of Object.keys(mb)) mb[k] = +mb[k].toFixed(1);
    return mb;
  }
  const periods = [];
  let peak = null;
  let lastSmapsAt = 0;
  let phase = 'start';
  const phaseOf = () => { try { return fs.readFileSync(process.env.MEMORY_PROBE_PHASE, 'utf8').trim() || phase; } catch { return phase; } };
  const started = Date.now();
  setInterval(() => {
    const now = phaseOf();
    if (now !== phase) {
      if (peak) periods.push(peak);
      peak = null;
      lastSmapsAt = 0;
      phase = now;
    }
    const hwm = hwmMb();
    const rss = rssMb();
    if (peak && rss <= peak.rssMb) return;
    const u = process.memoryUsage();
    peak = {
      phase,
      atMs: Date.now() - started,
      rssMb: +rss.toFixed(1),
      hwmMb: +hwm.toFixed(1),
      smaps: rss >= lastSmapsAt + 1 ? smaps() : peak && peak.smaps,
      arrayBuffersMb: +(u.arrayBuffers / MB).toFixed(1),
      isolates: [heap(), ...[...latest.values()].sort((a, b) => a.thread - b.thread)],
    };
    if (rss >= lastSmapsAt + 1) lastSmapsAt = rss;
  }, 20).unref();
  process.on('exit', () => {
    if (!process.env.MEMORY_PROBE_OUT) return;
    if (peak) periods.push(peak);
    // The latest of each isolate at exit: GC counts over the whole run.
    fs.writeFileSync(process.env.MEMORY_PROBE_OUT, JSON.stringify({ periods, atExit: [heap(), ...latest.values()] }));
  });
}
