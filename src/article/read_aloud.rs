//! 読み上げ: the article read aloud with the browser's own speech
//! (`speechSynthesis`), one sentence at a time, so that the sentence being
//! read can be highlighted and kept in view. What is said, and in which
//! order, is `reader_core::reading::plan`; this module only speaks it.
//!
//! Nothing here runs while the view renders: speech starts from the
//! reader's click, and everything else follows from speech events.

use std::sync::Arc;

use leptos::prelude::*;
use reader_core::reading::plan::{voice_speaks, Part, ReadingPlan, SentenceKey};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::speech::{error_of, Synthesis, Utterance, Voice};

/// Whether the article is being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Speaking {
    Stopped,
    Reading,
    Paused,
}

/// Why reading aloud cannot start or go on, said to the reader instead of
/// nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeechProblem {
    /// The browser has no speech synthesis.
    NoSpeech,
    /// It has voices, none for the article's language.
    NoVoice,
    /// The speech service failed: it threw, or said it could not speak.
    Failed,
}

/// The state of reading aloud for one article view. Copy, like signals.
///
/// Every change of state goes through `try_` methods: speech events may
/// arrive after the view is gone, and then change nothing.
#[derive(Clone, Copy)]
pub struct ReadAloud {
    plan: StoredValue<Arc<ReadingPlan>>,
    /// The language to speak (`ja-JP`).
    lang: StoredValue<String>,
    pub speaking: RwSignal<Speaking>,
    /// The sentence being read, highlighted on the page.
    pub current: RwSignal<Option<SentenceKey>>,
    pub problem: RwSignal<Option<SpeechProblem>>,
    index: StoredValue<usize>,
    /// The browser's side of it, made on the first sentence spoken.
    speech: StoredValue<Option<Speech>, LocalStorage>,
}

/// The utterance being spoken and the one pair of handlers every utterance
/// of this reader uses. Only the utterance being spoken has them attached:
/// before anything is cancelled they are taken off it, so that no event of
/// a cancelled utterance calls back, and nothing is left behind per sentence.
struct Speech {
    synth: Synthesis,
    utterance: Option<Utterance>,
    voice: Option<Voice>,
    on_end: Closure<dyn FnMut(JsValue)>,
    on_error: Closure<dyn FnMut(JsValue)>,
}

impl ReadAloud {
    /// For an article's plan; stops when the view goes (the reader left).
    pub fn new(plan: Arc<ReadingPlan>, lang: String) -> Self {
        let reader = Self {
            plan: StoredValue::new(plan),
            lang: StoredValue::new(lang),
            speaking: RwSignal::new(Speaking::Stopped),
            current: RwSignal::new(None),
            problem: RwSignal::new(None),
            index: StoredValue::new(0),
            speech: StoredValue::new_local(None),
        };
        // Leaving the page stops reading. (Only in a browser: rendered ahead
        // of time, there is no speech to stop.)
        #[cfg(target_arch = "wasm32")]
        on_cleanup(move || {
            let _ = reader.cancel();
        });
        reader
    }

    /// Reads from the paragraph the reader chose (where their text
    /// selection or caret is), else from the title.
    pub fn start(self) {
        let chosen = selected_part();
        let from = chosen
            .and_then(|part| self.plan.try_with_value(|plan| plan.start_of(part)))
            .flatten()
            .unwrap_or(0);
        self.speak_from(from);
    }

    /// While reading, the reader chose another part of the article.
    pub fn choose(self, part: Part) {
        if self.speaking.try_get_untracked() != Some(Speaking::Stopped) {
            if let Some(from) = self
                .plan
                .try_with_value(|plan| plan.start_of(part))
                .flatten()
            {
                self.speak_from(from);
            }
        }
    }

    pub fn next(self) {
        let index = self.index.try_get_value().unwrap_or_default();
        match self
            .plan
            .try_with_value(|plan| plan.next_part(index))
            .flatten()
        {
            Some(next) => self.speak_from(next),
            None => self.stop(),
        }
    }

    pub fn previous(self) {
        let index = self.index.try_get_value().unwrap_or_default();
        let previous = self.plan.try_with_value(|plan| plan.previous_part(index));
        self.speak_from(previous.flatten().unwrap_or(0));
    }

    pub fn pause(self) {
        match self.synth().map(|synth| synth.pause()) {
            Some(Ok(())) => {
                let _ = self.speaking.try_set(Speaking::Paused);
            }
            _ => self.fail(SpeechProblem::Failed),
        }
    }

    pub fn resume(self) {
        match self.synth().map(|synth| synth.resume()) {
            Some(Ok(())) => {
                let _ = self.speaking.try_set(Speaking::Reading);
            }
            _ => self.fail(SpeechProblem::Failed),
        }
    }

    /// Stops reading: the controls are idle again whatever the browser
    /// says; if it could not be told to stop, the reader is told.
    pub fn stop(self) {
        let stopped = self.cancel();
        self.idle();
        if stopped.is_err() {
            let _ = self.problem.try_set(Some(SpeechProblem::Failed));
        }
    }

    /// Reading ends on a problem, which the reader is told.
    fn fail(self, problem: SpeechProblem) {
        let _ = self.cancel();
        self.idle();
        let _ = self.problem.try_set(Some(problem));
    }

    fn idle(self) {
        let _ = self.speaking.try_set(Speaking::Stopped);
        let _ = self.current.try_set(None);
    }

    /// The synthesis this reader speaks with, else the window's.
    fn synth(self) -> Option<Synthesis> {
        self.speech
            .try_with_value(|speech| speech.as_ref().map(|s| s.synth.clone()))
            .flatten()
            .or_else(Synthesis::of_window)
    }

    /// Stops the speech, with the handlers taken off the utterance first.
    fn cancel(self) -> Result<(), JsValue> {
        let _ = self.speech.try_update_value(|speech| {
            if let Some(utterance) = speech.as_mut().and_then(|s| s.utterance.take()) {
                utterance.listen(None, None);
            }
        });
        match self.synth() {
            Some(synth) => synth.cancel(),
            None => Ok(()),
        }
    }

    fn speak_from(self, index: usize) {
        let Some(synth) = Synthesis::of_window() else {
            return self.fail(SpeechProblem::NoSpeech);
        };
        let lang = self.lang.try_get_value().unwrap_or_default();
        let voice = match voice_for(&synth, &lang) {
            Ok(voice) => voice,
            Err(problem) => return self.fail(problem),
        };
        let _ = self.problem.try_set(None);
        // A paused synthesis keeps its queue paused: cancel, then resume.
        if self.cancel().and_then(|()| synth.resume()).is_err() {
            return self.fail(SpeechProblem::Failed);
        }
        let _ = self.speech.try_update_value(|speech| match speech {
            Some(speech) => {
                speech.synth = synth;
                speech.voice = voice;
            }
            None => *speech = Some(self.handlers(synth, voice)),
        });
        let _ = self.speaking.try_set(Speaking::Reading);
        self.say(index);
    }

    /// The handlers of this reader's utterances: the end of one says the
    /// next; an error that is not our own cancelling stops, and says so.
    fn handlers(self, synth: Synthesis, voice: Option<Voice>) -> Speech {
        let on_end = Closure::<dyn FnMut(JsValue)>::new(move |_event: JsValue| {
            if let Some(index) = self.index.try_get_value() {
                self.say(index + 1);
            }
        });
        let on_error = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
            if !matches!(error_of(&event).as_str(), "interrupted" | "canceled") {
                self.fail(SpeechProblem::Failed);
            }
        });
        Speech {
            synth,
            utterance: None,
            voice,
            on_end,
            on_error,
        }
    }

    /// Says sentence `index`; its end says the next one. After the last,
    /// reading ends.
    fn say(self, index: usize) {
        let sentence = self
            .plan
            .try_with_value(|plan| plan.get(index).map(|(key, text)| (key, text.to_owned())))
            .flatten();
        let Some((key, text)) = sentence else {
            return self.idle();
        };
        let lang = self.lang.try_get_value().unwrap_or_default();
        self.index.try_set_value(index);
        let _ = self.current.try_set(Some(key));
        let prepared = self.speech.try_update_value(|speech| {
            let speech = speech.as_mut()?;
            let utterance = speech
                .synth
                .utterance(&text, &lang, speech.voice.as_ref())
                .ok()?;
            utterance.listen(
                Some(speech.on_end.as_ref().unchecked_ref()),
                Some(speech.on_error.as_ref().unchecked_ref()),
            );
            speech.utterance = Some(utterance.clone());
            Some((speech.synth.clone(), utterance))
        });
        // Spoken outside the stored value: a speech service may answer at
        // once, with an event whose handler reads it again.
        match prepared.flatten() {
            Some((synth, utterance)) if synth.speak(&utterance).is_ok() => {}
            _ => self.fail(SpeechProblem::Failed),
        }
    }
}

/// A voice for `lang`: the system's default one if it speaks it, else the
/// first that does. None when the voices are not known yet (the browser
/// then picks one by the utterance's `lang`).
fn voice_for(synth: &Synthesis, lang: &str) -> Result<Option<Voice>, SpeechProblem> {
    let voices = synth.voices().map_err(|_| SpeechProblem::Failed)?;
    if voices.is_empty() {
        return Ok(None);
    }
    let mut speaking: Vec<Voice> = voices
        .into_iter()
        .filter(|voice| voice_speaks(&voice.lang, lang))
        .collect();
    speaking.sort_by_key(|voice| !voice.default);
    speaking
        .into_iter()
        .next()
        .map(Some)
        .ok_or(SpeechProblem::NoVoice)
}

/// The part of the article where the reader's selection (or caret) is.
fn selected_part() -> Option<Part> {
    let selection = web_sys::window()?.get_selection().ok()??;
    let node = selection.anchor_node()?;
    let element = match node.dyn_ref::<web_sys::Element>() {
        Some(element) => element.clone(),
        None => node.parent_element()?,
    };
    part_of(&element)
}

/// The article part (`data-part`) that holds `element`, if any.
pub fn part_of(element: &web_sys::Element) -> Option<Part> {
    let part = element.closest("[data-part]").ok()??;
    Part::parse_attr(&part.get_attribute("data-part")?)
}
