use leptos::prelude::*;
use reader_core::FontScale;

use crate::i18n::td_string;
use crate::language::use_language;
use crate::text;

/// 文字サイズ: three toggle buttons 大 / 中 / 小; the pressed one is the size
/// in use. The size itself is set on the page (`<html data-font-scale>`), so
/// that a published page's own script can set it before the app runs.
#[component]
pub fn FontSizeControl(scale: RwSignal<FontScale>) -> impl IntoView {
    let lang = use_language();
    let label_id = "font-size-label";
    view! {
        <div class="font-size screen-only needs-script" lang=move || lang.code() role="group" aria-labelledby=label_id>
            <span class="font-size__label" id=label_id>{move || td_string!(lang.get(), font_size)}</span>
            {FontScale::ALL
                .into_iter()
                .map(|option| view! {
                    <button
                        type="button"
                        class="font-size__button"
                        data-prelude=format!("font-scale:{}", option.as_str())
                        aria-pressed=move || (scale.get() == option).to_string()
                        on:click=move |_| scale.set(option)
                    >
                        {move || text::font_scale_label(option, lang.get())}
                    </button>
                })
                .collect_view()}
        </div>
    }
}
