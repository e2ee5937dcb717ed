// Where a page's main thread goes: loads a route in Chromium at 4× CPU
// (as Lighthouse's mobile run assumes), records a trace, and prints each
// task of 30 ms or more with what ran in it. With PROFILE=1 it also samples
// the JavaScript and wasm, and prints the call tree of each of the app's
// tasks and where its samples end (self time); function names need a build
// that keeps them (`SPLIT_KEEP_NAMES=1 cargo xtask serve`).
//
//   node bench/trace.mjs /news/595305 [cpu slowdown, default 4]
//
// Against the server on BASE_URL (default http://127.0.0.1:8080).
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../support/browser.js';

const path = process.argv[2] || '/news/595305';
const rate = Number(process.argv[3] || 4);
const base = process.env.BASE_URL || 'http://127.0.0.1:8080';
const profile = Boolean(process.env.PROFILE);

const browser = await chromium.launch(chromiumLaunchOptions);
const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 412, height: 823 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate });
const events = [];
cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
const done = new Promise((resolve) => cdp.on('Tracing.tracingComplete', resolve));
const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'v8.wasm', 'blink', 'loading', 'toplevel'];
if (profile) categories.push('disabled-by-default-v8.cpu_profiler');
await cdp.send('Tracing.start', { categories: categories.join(','), transferMode: 'ReportEvents' });
await page.goto(base + path);
// The app starts after load; its parts and data follow. A trace of a fixed
// span, not a test: nothing here passes or fails.
await page.waitForTimeout(8000);
await cdp.send('Tracing.end');
await done;
await browser.close();

const mainThreads = new Set(events.filter((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
const onMain = events.filter((e) => mainThreads.has(`${e.pid}:${e.tid}`) && e.ph === 'X');
const t0 = Math.min(...onMain.map((e) => e.ts));
const tasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.dur >= 30000);
const appTasks = [];
console.log(`${path} at ${rate}× CPU: tasks of 30 ms or more (ms from the first event; inside: the largest entries, ms)`);
for (const task of tasks) {
  const inside = {};
  for (const e of onMain) {
    if (e === task || e.ts < task.ts || e.ts + (e.dur || 0) > task.ts + task.dur) continue;
    const name = e.name + (e.args?.data?.url ? ` ${e.args.data.url.split('/').pop().slice(0, 40)}` : '');
    inside[name] = (inside[name] || 0) + e.dur;
  }
  const top = Object.entries(inside).sort((a, b) => b[1] - a[1]).filter(([n]) => !/RunTask|callFunction|TimerBase|AsyncTask|RunMicrotasks|Microtask/.test(n)).slice(0, 6);
  const start = (task.ts - t0) / 1000;
  console.log(`@${start.toFixed(0)} ${(task.dur / 1000).toFixed(1)} ms: ${top.map(([n, d]) => `${n} ${(d / 1000).toFixed(1)}`).join(' | ')}`);
  if (Object.keys(inside).some((n) => n.startsWith('FunctionCall changning-reader'))) appTasks.push([start, start + task.dur / 1000]);
}
if (profile) {
  const nodes = new Map(); const samples = []; const deltas = []; let startTime = 0;
  // The renderer's main thread is the first profile (id 0x1); a service worker's is another.
  for (const e of events) {
    if ((e.name === 'Profile' || e.name === 'ProfileChunk') && e.id !== '0x1') continue;
    if (e.name === 'Profile') startTime = e.args.data.startTime;
    if (e.name === 'ProfileChunk') {
      for (const n of e.args.data.cpuProfile?.nodes || []) nodes.set(n.id, n);
      samples.push(...(e.args.data.cpuProfile?.samples || []));
      deltas.push(...(e.args.data.timeDeltas || []));
    }
  }
  for (const [from, to] of appTasks) {
    const root = { n: 0, kids: new Map() };
    const leaves = new Map();
    let t = startTime;
    for (let i = 0; i < samples.length; i++) {
      t += deltas[i];
      const ms = (t - t0) / 1000;
      if (ms < from || ms > to) continue;
      const stack = [];
      for (let n = nodes.get(samples[i]); n; n = nodes.get(n.parent)) stack.push(n.callFrame.functionName || '(anonymous)');
      const leaf = stack.length ? stack[0].replace(/::h[0-9a-f]{16}$/, '').slice(0, 110) : '(none)';
      leaves.set(leaf, (leaves.get(leaf) || 0) + 1);
      let node = root; node.n++;
      for (const f of stack.reverse()) {
        const name = f.replace(/::h[0-9a-f]{16}$/, '').slice(0, 110);
        if (!node.kids.has(name)) node.kids.set(name, { n: 0, kids: new Map() });
        node = node.kids.get(name); node.n++;
      }
    }
    console.log(`\napp task @${from.toFixed(0)}: ${root.n} samples; the app's own functions (and the frames they run under) with ≥ 3%:`);
    const ours = /changning_reader|reader_core|leptos_router|\(program\)|\(garbage/;
    const print = (node, depth) => {
      for (const [name, kid] of [...node.kids].sort((a, b) => b[1].n - a[1].n)) {
        if (kid.n * 100 < 3 * root.n) continue;
        const shown = ours.test(name);
        if (shown) console.log(`${' '.repeat(depth)}${kid.n} ${name}`);
        print(kid, shown ? depth + 1 : depth);
      }
    };
    print(root, 1);
    const top = [...leaves].sort((a, b) => b[1] - a[1]).slice(0, 12);
    console.log(`  where the samples end (self): ${top.map(([n, c]) => `${c} ${n}`).join(' | ')}`);
  }
}
