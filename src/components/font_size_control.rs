use leptos::prelude::*;
use reader_core::FontScale;

use crate::text;

/// 文字サイズ: three toggle buttons 大 / 中 / 小; the pressed one is the size in use.
#[component]
pub fn FontSizeControl(scale: RwSignal<FontScale>) -> impl IntoView {
    let label_id = "font-size-label";
    view! {
        <div class="font-size screen-only" role="group" aria-labelledby=label_id>
            <span class="font-size__label" id=label_id>{text::FONT_SIZE}</span>
            {FontScale::ALL
                .into_iter()
                .map(|option| view! {
                    <button
                        type="button"
                        class="font-size__button"
                        aria-pressed=move || (scale.get() == option).to_string()
                        on:click=move |_| scale.set(option)
                    >
                        {text::font_scale_label(option)}
                    </button>
                })
                .collect_view()}
        </div>
    }
}
