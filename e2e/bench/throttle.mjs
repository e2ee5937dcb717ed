// The conditions the benchmarks load pages under: a slow phone (4x CPU, fast
// 4G: 150 ms, 1.6 Mbps down) or none.

export const SLOW_PHONE = { cpu: 4, latency: 150, down: (1.6 * 1024 * 1024) / 8, up: (750 * 1024) / 8 };

/**
 * A page in a fresh context (Japanese, and `options` for the context), under
 * `throttle` when one is given: the page's own CPU and network (a worker the
 * page starts runs and fetches unthrottled).
 */
export async function newPage(browser, throttle, options = {}) {
  const context = await browser.newContext({ locale: 'ja-JP', ...options });
  const page = await context.newPage();
  if (throttle) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle.cpu });
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: throttle.latency,
      downloadThroughput: throttle.down,
      uploadThroughput: throttle.up,
    });
  }
  return { context, page };
}
