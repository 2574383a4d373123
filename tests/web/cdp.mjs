// A small Chrome DevTools Protocol client over Chromium's
// --remote-debugging-pipe (file descriptors 3 and 4): no package needed,
// no port to open. Used by the handout tests (tests/html.rs).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function launch(executable) {
  const profile = mkdtempSync(join(tmpdir(), 'argmap-chromium-'));
  // The flags a closed network and a root user need (TOOLCHAIN.md).
  const args = [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--disable-extensions', '--mute-audio', '--hide-scrollbars',
    `--user-data-dir=${profile}`, '--remote-debugging-pipe', 'about:blank',
  ];
  const child = spawn(executable, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const out = child.stdio[3];
  const inp = child.stdio[4];
  let id = 0;
  const waiting = new Map();
  const listeners = [];
  let buffer = Buffer.alloc(0);
  inp.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    let end;
    while ((end = buffer.indexOf(0)) >= 0) {
      const message = JSON.parse(buffer.subarray(0, end).toString('utf8'));
      buffer = buffer.subarray(end + 1);
      if (message.id !== undefined && waiting.has(message.id)) {
        const { resolve, reject, method } = waiting.get(message.id);
        waiting.delete(message.id);
        if (message.error) reject(new Error(`${method}: ${message.error.message}`));
        else resolve(message.result);
      } else {
        for (const l of listeners) l(message);
      }
    }
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  exited.then(() => {
    for (const { reject, method } of waiting.values()) {
      reject(new Error(`${method}: Chromium exited\n${stderr.slice(-2000)}`));
    }
  });
  child.on('error', (e) => {
    for (const { reject } of waiting.values()) reject(e);
  });
  function send(method, params = {}, sessionId) {
    const message = { id: ++id, method, params };
    if (sessionId) message.sessionId = sessionId;
    return new Promise((resolve, reject) => {
      waiting.set(message.id, { resolve, reject, method });
      out.write(JSON.stringify(message) + '\0');
    });
  }
  const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
  const page = {
    send: (method, params) => send(method, params, sessionId),
    on: (fn) => listeners.push((m) => { if (m.sessionId === sessionId) fn(m); }),
    async close() {
      try { await send('Browser.close'); } catch { /* already gone */ }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      child.kill('SIGKILL');
      rmSync(profile, { recursive: true, force: true });
    },
  };
  const errors = [];
  page.errors = errors;
  page.on((m) => {
    if (m.method === 'Runtime.exceptionThrown') errors.push(m.params.exceptionDetails);
    if (m.method === 'Runtime.consoleAPICalled' && m.params.type === 'error') errors.push(m.params.args);
  });
  await page.send('Runtime.enable');
  await page.send('Page.enable');
  return page;
}

// The value of a JavaScript expression in the page (awaited).
export async function evaluate(page, expression) {
  const { result, exceptionDetails } = await page.send('Runtime.evaluate', {
    expression, awaitPromise: true, returnByValue: true,
  });
  if (exceptionDetails) {
    throw new Error(`${expression}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  }
  return result.value;
}

export async function navigate(page, url) {
  const loaded = new Promise((resolve) => page.on((m) => { if (m.method === 'Page.loadEventFired') resolve(); }));
  await page.send('Page.navigate', { url });
  await loaded;
}

export async function click(page, x, y) {
  for (const type of ['mouseMoved', 'mousePressed', 'mouseReleased']) {
    await page.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', clickCount: 1 });
  }
}

export async function drag(page, from, to, steps = 8) {
  await page.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: from.x, y: from.y });
  await page.send('Input.dispatchMouseEvent', { type: 'mousePressed', x: from.x, y: from.y, button: 'left', clickCount: 1 });
  for (let i = 1; i <= steps; i++) {
    const x = from.x + ((to.x - from.x) * i) / steps;
    const y = from.y + ((to.y - from.y) * i) / steps;
    await page.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y, button: 'left', buttons: 1 });
  }
  await page.send('Input.dispatchMouseEvent', { type: 'mouseReleased', x: to.x, y: to.y, button: 'left', clickCount: 1 });
}

const KEYS = {
  ArrowUp: 38, ArrowDown: 40, ArrowLeft: 37, ArrowRight: 39, Escape: 27, Enter: 13,
  Home: 36, End: 35, F5: 116, '.': 190, ' ': 32,
};

export async function press(page, key, modifiers = 0) {
  const code = KEYS[key] ?? key.toUpperCase().charCodeAt(0);
  const base = { key, windowsVirtualKeyCode: code, nativeVirtualKeyCode: code, modifiers };
  await page.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...base });
  if (key.length === 1 && !(modifiers & 2)) {
    await page.send('Input.dispatchKeyEvent', { type: 'char', text: key, ...base });
  }
  await page.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base });
}

export async function type(page, text) {
  await page.send('Input.insertText', { text });
}

export async function screenshot(page, path, fs) {
  const { data } = await page.send('Page.captureScreenshot', { format: 'png' });
  fs.writeFileSync(path, Buffer.from(data, 'base64'));
}

export function viewport(page, width, height, mobile = false) {
  return page.send('Emulation.setDeviceMetricsOverride', {
    width, height, deviceScaleFactor: mobile ? 2 : 1, mobile,
  });
}
