use leptos::prelude::*;
use leptos_i18n::Locale as _;
use reader_core::FontScale;

use crate::i18n::td_string;
use crate::text;

/// 文字サイズ: three toggle buttons 大 / 中 / 小; the pressed one is the size in use.
#[component]
pub fn FontSizeControl(scale: RwSignal<FontScale>) -> impl IntoView {
    let lang = crate::language::current();
    let label_id = "font-size-label";
    view! {
        <div class="font-size screen-only" lang=lang.as_str() role="group" aria-labelledby=label_id>
            <span class="font-size__label" id=label_id>{td_string!(lang, font_size)}</span>
            {FontScale::ALL
                .into_iter()
                .map(|option| view! {
                    <button
                        type="button"
                        class="font-size__button"
                        aria-pressed=move || (scale.get() == option).to_string()
                        on:click=move |_| scale.set(option)
                    >
                        {text::font_scale_label(option, lang)}
                    </button>
                })
                .collect_view()}
        </div>
    }
}
