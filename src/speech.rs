//! The browser's speech synthesis, as values: every call into it (and
//! every property read or written) is made through `js_sys::Reflect`, whose
//! calls catch what the browser throws and return it as an `Err`. A JS
//! exception never runs through Rust code, where it would skip the code
//! that restores the app's state (held locks, signals half updated) and
//! leave the next call to abort the module.

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// What the browser threw, or the object it gave where another was needed.
pub type Thrown = JsValue;

/// `window.speechSynthesis`, where the browser has it.
#[derive(Clone)]
pub struct Synthesis {
    synth: JsValue,
    utterance: Function,
}

/// One voice `getVoices()` lists.
pub struct Voice {
    pub lang: String,
    pub default: bool,
    value: JsValue,
}

/// An utterance made for one sentence.
#[derive(Clone)]
pub struct Utterance(JsValue);

impl Synthesis {
    /// The window's speech synthesis, or `None` where there is none (or
    /// reading it throws).
    pub fn of_window() -> Option<Self> {
        let window: JsValue = web_sys::window()?.into();
        let synth = Reflect::get(&window, &"speechSynthesis".into()).ok()?;
        let utterance = Reflect::get(&window, &"SpeechSynthesisUtterance".into()).ok()?;
        let utterance = utterance.dyn_into::<Function>().ok()?;
        synth.is_object().then_some(Self { synth, utterance })
    }

    pub fn speak(&self, utterance: &Utterance) -> Result<(), Thrown> {
        call(&self.synth, "speak", &Array::of1(&utterance.0)).map(drop)
    }

    pub fn cancel(&self) -> Result<(), Thrown> {
        call(&self.synth, "cancel", &Array::new()).map(drop)
    }

    pub fn pause(&self) -> Result<(), Thrown> {
        call(&self.synth, "pause", &Array::new()).map(drop)
    }

    pub fn resume(&self) -> Result<(), Thrown> {
        call(&self.synth, "resume", &Array::new()).map(drop)
    }

    /// The voices the system offers (none while it has not said yet).
    pub fn voices(&self) -> Result<Vec<Voice>, Thrown> {
        let voices = call(&self.synth, "getVoices", &Array::new())?;
        let voices = voices.dyn_into::<Array>()?;
        voices
            .iter()
            .map(|value| {
                Ok(Voice {
                    lang: Reflect::get(&value, &"lang".into())?
                        .as_string()
                        .unwrap_or_default(),
                    default: Reflect::get(&value, &"default".into())?.is_truthy(),
                    value,
                })
            })
            .collect()
    }

    /// Whether it is saying something now, and not paused; `false` when
    /// that cannot be read.
    pub fn is_speaking(&self) -> bool {
        let flag = |name: &str| {
            Reflect::get(&self.synth, &name.into()).is_ok_and(|value| value.is_truthy())
        };
        flag("speaking") && !flag("paused")
    }

    /// An utterance of `text` in `lang`, with `voice` if one was chosen.
    pub fn utterance(
        &self,
        text: &str,
        lang: &str,
        voice: Option<&Voice>,
    ) -> Result<Utterance, Thrown> {
        let utterance = Reflect::construct(&self.utterance, &Array::of1(&text.into()))?;
        set(&utterance, "lang", &lang.into())?;
        if let Some(voice) = voice {
            set(&utterance, "voice", &voice.value)?;
        }
        Ok(Utterance(utterance))
    }
}

impl Utterance {
    /// Attaches the handlers of its end and of its failure (`None`: takes
    /// them off, so that nothing it does later calls back).
    pub fn listen(&self, on_end: Option<&Function>, on_error: Option<&Function>) {
        let handler = |f: Option<&Function>| f.map_or(JsValue::NULL, |f| f.clone().into());
        let _ = set(&self.0, "onend", &handler(on_end));
        let _ = set(&self.0, "onerror", &handler(on_error));
    }
}

/// The `error` of a speech error event (`interrupted`, `synthesis-failed`…).
pub fn error_of(event: &JsValue) -> String {
    Reflect::get(event, &"error".into())
        .ok()
        .and_then(|error| error.as_string())
        .unwrap_or_default()
}

fn call(target: &JsValue, method: &str, args: &Array) -> Result<JsValue, Thrown> {
    let function = Reflect::get(target, &method.into())?.dyn_into::<Function>()?;
    Reflect::apply(&function, target, args)
}

fn set(target: &JsValue, name: &str, value: &JsValue) -> Result<(), Thrown> {
    Reflect::set(target, &name.into(), value).map(drop)
}
