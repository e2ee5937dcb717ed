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
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

/// Whether the article is being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Speaking {
    Stopped,
    Reading,
    Paused,
}

/// Why reading aloud cannot start, said to the reader instead of nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeechProblem {
    /// The browser has no speech synthesis.
    NoSpeech,
    /// It has voices, none for the article's language.
    NoVoice,
    /// Speaking failed (the system's speech service).
    Failed,
}

/// The state of reading aloud for one article view. Copy, like signals.
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
    utterance: Option<SpeechSynthesisUtterance>,
    voice: Option<SpeechSynthesisVoice>,
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
        on_cleanup(move || reader.cancel());
        reader
    }

    /// Reads from the paragraph the reader chose (where their text
    /// selection or caret is), else from the title.
    pub fn start(self) {
        let chosen = selected_part();
        let from = chosen
            .and_then(|part| self.plan.with_value(|plan| plan.start_of(part)))
            .unwrap_or(0);
        self.speak_from(from);
    }

    /// While reading, the reader chose another part of the article.
    pub fn choose(self, part: Part) {
        if self.speaking.get_untracked() == Speaking::Stopped {
            return;
        }
        if let Some(from) = self.plan.with_value(|plan| plan.start_of(part)) {
            self.speak_from(from);
        }
    }

    pub fn next(self) {
        let next = self
            .plan
            .with_value(|plan| plan.next_part(self.index.get_value()));
        match next {
            Some(next) => self.speak_from(next),
            None => self.stop(),
        }
    }

    pub fn previous(self) {
        let previous = self
            .plan
            .with_value(|plan| plan.previous_part(self.index.get_value()))
            .unwrap_or(0);
        self.speak_from(previous);
    }

    pub fn pause(self) {
        if let Some(synth) = synthesis() {
            synth.pause();
            self.speaking.set(Speaking::Paused);
        }
    }

    pub fn resume(self) {
        if let Some(synth) = synthesis() {
            synth.resume();
            self.speaking.set(Speaking::Reading);
        }
    }

    pub fn stop(self) {
        self.cancel();
        self.speaking.set(Speaking::Stopped);
        self.current.set(None);
    }

    /// Stops the speech, with the handlers taken off the utterance first.
    fn cancel(self) {
        let _ = self.speech.try_update_value(|speech| {
            if let Some(utterance) = speech.as_mut().and_then(|s| s.utterance.take()) {
                utterance.set_onend(None);
                utterance.set_onerror(None);
            }
        });
        if let Some(synth) = synthesis() {
            synth.cancel();
        }
    }

    fn speak_from(self, index: usize) {
        let Some(synth) = synthesis() else {
            self.problem.set(Some(SpeechProblem::NoSpeech));
            return;
        };
        let lang = self.lang.get_value();
        let voice = match voice_for(&synth, &lang) {
            Ok(voice) => voice,
            Err(problem) => {
                self.problem.set(Some(problem));
                return;
            }
        };
        self.problem.set(None);
        // A paused synthesis keeps its queue paused: cancel, then resume.
        self.cancel();
        synth.resume();
        self.speech.update_value(|speech| match speech {
            Some(speech) => speech.voice = voice,
            None => *speech = Some(self.handlers(voice)),
        });
        self.speaking.set(Speaking::Reading);
        self.say(&synth, index);
    }

    /// The handlers of this reader's utterances: the end of one says the
    /// next; an error that is not our own cancelling stops, and says so.
    fn handlers(self, voice: Option<SpeechSynthesisVoice>) -> Speech {
        let on_end = Closure::<dyn FnMut(JsValue)>::new(move |_event: JsValue| {
            if let (Some(synth), Some(index)) = (synthesis(), self.index.try_get_value()) {
                self.say(&synth, index + 1);
            }
        });
        let on_error = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
            let error = js_sys::Reflect::get(&event, &"error".into())
                .ok()
                .and_then(|e| e.as_string())
                .unwrap_or_default();
            if !matches!(error.as_str(), "interrupted" | "canceled") {
                let _ = self.problem.try_set(Some(SpeechProblem::Failed));
                self.stop();
            }
        });
        Speech {
            utterance: None,
            voice,
            on_end,
            on_error,
        }
    }

    /// Says sentence `index`; its end says the next one.
    fn say(self, synth: &SpeechSynthesis, index: usize) {
        let Some((key, text)) = self
            .plan
            .with_value(|plan| plan.get(index).map(|(key, text)| (key, text.to_owned())))
        else {
            self.speaking.set(Speaking::Stopped);
            self.current.set(None);
            return;
        };
        let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(&text) else {
            self.problem.set(Some(SpeechProblem::NoSpeech));
            self.speaking.set(Speaking::Stopped);
            return;
        };
        utterance.set_lang(&self.lang.get_value());
        self.index.set_value(index);
        self.current.set(Some(key));
        let attached = self.speech.try_update_value(|speech| {
            let speech = speech.as_mut()?;
            utterance.set_voice(speech.voice.as_ref());
            utterance.set_onend(Some(speech.on_end.as_ref().unchecked_ref()));
            utterance.set_onerror(Some(speech.on_error.as_ref().unchecked_ref()));
            speech.utterance = Some(utterance.clone());
            Some(())
        });
        if attached.flatten().is_some() {
            synth.speak(&utterance);
        }
    }
}

/// The browser's speech synthesis, where it has one.
fn synthesis() -> Option<SpeechSynthesis> {
    let window = web_sys::window()?;
    let synth = js_sys::Reflect::get(&window, &"speechSynthesis".into()).ok()?;
    let utterance = js_sys::Reflect::get(&window, &"SpeechSynthesisUtterance".into()).ok()?;
    (synth.is_object() && utterance.is_function()).then(|| synth.unchecked_into())
}

/// A voice for `lang`: the system's default one if it speaks it, else the
/// first that does. None when the voices are not known yet (the browser
/// then picks one by the utterance's `lang`).
fn voice_for(
    synth: &SpeechSynthesis,
    lang: &str,
) -> Result<Option<SpeechSynthesisVoice>, SpeechProblem> {
    let voices: Vec<SpeechSynthesisVoice> = synth
        .get_voices()
        .iter()
        .map(|voice| voice.unchecked_into())
        .collect();
    if voices.is_empty() {
        return Ok(None);
    }
    let mut speaking: Vec<SpeechSynthesisVoice> = voices
        .into_iter()
        .filter(|voice| voice_speaks(&voice.lang(), lang))
        .collect();
    speaking.sort_by_key(|voice| !voice.default());
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
