use leptos::prelude::*;
use reader_core::LoadError;

use crate::i18n::td_string;
use crate::language::use_language;
use crate::text;

/// What could not be loaded and why, with a retry button when trying again can help.
#[component]
pub fn LoadErrorView(error: LoadError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let lang = use_language();
    let can_retry = error.can_retry();
    let heading = {
        let error = error.clone();
        move || text::describe(&error, lang.get()).0
    };
    let message = move || text::describe(&error, lang.get()).1;
    view! {
        <section class="load-error" role="alert">
            <h1 class="load-error__heading">{heading}</h1>
            <p class="load-error__message">{message}</p>
            <LoadErrorActions on_retry=can_retry.then_some(on_retry)/>
        </section>
    }
}

/// Try again (when it can help), or go to the column.
#[component]
fn LoadErrorActions(on_retry: Option<Callback<()>>) -> impl IntoView {
    let lang = use_language();
    view! {
        <p class="load-error__actions">
            {on_retry.map(|on_retry| view! {
                <button type="button" class="load-error__retry button-primary" on:click=move |_| on_retry.run(())>
                    {move || td_string!(lang.get(), retry)}
                </button>
            })}
            <a class="load-error__link" href="/">{move || td_string!(lang.get(), to_column)}</a>
        </p>
    }
}

/// Shown while a file is on its way.
#[component]
pub fn Loading() -> impl IntoView {
    let lang = use_language();
    view! { <p class="loading" role="status">{move || td_string!(lang.get(), loading)}</p> }
}

/// A part of the app this page needs could not be downloaded (the first
/// visit to it offline, a server error): said, with a retry.
#[component]
pub fn PartMissingView(#[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let lang = use_language();
    view! {
        <section class="load-error" role="alert">
            <h1 class="load-error__heading">{move || td_string!(lang.get(), error_unavailable_heading)}</h1>
            <p class="load-error__message">{move || td_string!(lang.get(), part_missing)}</p>
            <LoadErrorActions on_retry=Some(on_retry)/>
        </section>
    }
}
