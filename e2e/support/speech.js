// A recording stand-in for the browser's speech synthesis: real speech is
// not asserted (the test machine has no voices). Installed before the
// page's own scripts, it records what the app asks it to say, in which
// language, and pause / resume / cancel; the test ends the sentence being
// "spoken" with `window.__speech.finish()`, as a voice reaching its end would.
// A failing speech service: `throws: 'speak'` or `throws: 'getVoices'` makes
// that call throw (the first `times` calls, else every one), and
// `failSentence` sends the sentence being spoken an `error` event, as a
// speech service that gives up does.

/** Installs the stand-in; `supported: false` takes speech away entirely. */
export async function installSpeech(
  page,
  { voices = [{ lang: 'ja-JP', name: 'Test voice', default: true }], supported = true, throws = null, times = null } = {},
) {
  await page.addInitScript(({ voices, supported, throws, times }) => {
    if (!supported) {
      Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
      Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: undefined, configurable: true });
      return;
    }
    const log = [];
    let queue = [];
    let paused = false;
    const cancelled = [];
    class Utterance {
      constructor(text) {
        Object.assign(this, { text, lang: '', voice: null, onend: null, onerror: null });
      }
    }
    let failures = 0;
    const failing = (method) => {
      if (throws === method && (times === null || failures++ < times)) throw new Error(`${method}: the speech service is not available`);
    };
    const synth = {
      speak(u) {
        failing('speak');
        queue.push(u);
        log.push({ event: 'speak', text: u.text, lang: u.lang, voice: u.voice && u.voice.name });
      },
      cancel() {
        const dropped = queue;
        queue = [];
        cancelled.push(...dropped);
        log.push({ event: 'cancel' });
        for (const u of dropped) if (u.onerror) u.onerror({ error: 'interrupted', utterance: u });
      },
      pause() {
        paused = true;
        log.push({ event: 'pause' });
      },
      resume() {
        paused = false;
        log.push({ event: 'resume' });
      },
      getVoices() {
        failing('getVoices');
        return voices;
      },
      get speaking() {
        return queue.length > 0;
      },
      get paused() {
        return paused;
      },
      get pending() {
        return queue.length > 1;
      },
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
    window.__speech = {
      log,
      /** What was said, in order, with its language. */
      said: () => log.filter((e) => e.event === 'speak').map((e) => ({ text: e.text, lang: e.lang })),
      /** The voices the app chose, sentence by sentence. */
      voices: () => log.filter((e) => e.event === 'speak').map((e) => e.voice),
      /** Ends the sentence being spoken; the app then says the next one. */
      finish() {
        const u = queue.shift();
        if (u && u.onend) u.onend({ utterance: u });
        return u ? u.text : null;
      },
      /** The speech service gives up on the sentence being spoken. */
      fail() {
        const u = queue.shift();
        if (u && u.onerror) u.onerror({ error: 'synthesis-failed', utterance: u });
        return u ? u.text : null;
      },
      /** A late "end" of the last cancelled sentence, as some browsers send. */
      lateEnd() {
        const u = cancelled.at(-1);
        if (u && u.onend) u.onend({ utterance: u });
        return u ? u.text : null;
      },
      events: () => log.map((e) => e.event),
    };
  }, { voices, supported, throws, times });
}

/** Everything said so far. */
export function said(page) {
  return page.evaluate(() => window.__speech.said());
}

/** Ends the sentence being spoken. */
export function finishSentence(page) {
  return page.evaluate(() => window.__speech.finish());
}

/** An `error` event for the sentence being spoken. */
export function failSentence(page) {
  return page.evaluate(() => window.__speech.fail());
}

/** A late "end" event of the sentence cancelled last. */
export function lateEnd(page) {
  return page.evaluate(() => window.__speech.lateEnd());
}

/** The voices chosen, sentence by sentence. */
export function voicesUsed(page) {
  return page.evaluate(() => window.__speech.voices());
}

export function speechEvents(page) {
  return page.evaluate(() => window.__speech.events());
}
