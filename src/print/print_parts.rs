//! The parts of an article that only paper shows (and the print view shows
//! on screen): the site's name, a table and still map of the partners, and
//! a footer leading back online (address, print date, QR code).

use std::sync::Arc;

use leptos::prelude::*;
use reader_core::print::{canonical_url, qr_image, PartnerRow, QrImage};
use reader_core::world::World;
use reader_core::Id;

use super::static_map::StaticPartnerMap;
use crate::i18n::td_string;
use crate::language::use_language;
use crate::state::{SiteName, SiteOrigin, Today};
use crate::text;

/// The site's name above the title.
#[component]
pub fn PrintMasthead() -> impl IntoView {
    let lang = use_language();
    let site = SiteName::use_context();
    view! { <p class="print-only print-masthead">{move || site.text(lang.get())}</p> }
}

/// The partners the article is about: a table, and where they are.
#[component]
pub fn PrintPartners(
    rows: Vec<PartnerRow>,
    home: (f64, f64),
    world: Signal<Option<Arc<World>>>,
) -> impl IntoView {
    let lang = use_language();
    (!rows.is_empty()).then(|| {
        let map_rows = rows.clone();
        view! {
            <section class="print-only print-partners" lang=move || lang.code() aria-labelledby="print-partners-heading">
                <h2 class="print-partners__heading" id="print-partners-heading">{move || td_string!(lang.get(), in_this_article)}</h2>
                <table class="print-partners__table">
                    <thead>
                        <tr>
                            <th scope="col">{move || td_string!(lang.get(), col_name)}</th>
                            <th scope="col">{move || td_string!(lang.get(), col_country)}</th>
                            <th scope="col">{move || td_string!(lang.get(), col_relation)}</th>
                            <th scope="col">{move || td_string!(lang.get(), col_since)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|row| {
                                let since = row.since;
                                view! {
                                    <tr>
                                        <th scope="row">{row.name}</th>
                                        <td>{row.country}</td>
                                        <td>{move || text::relation_label(row.relation, lang.get())}</td>
                                        <td>{move || since.map(|d| d.format(lang.code())).unwrap_or_else(|| td_string!(lang.get(), undated).to_owned())}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
                <div class="print-partners__map">
                    {move || view! { <StaticPartnerMap rows=map_rows.clone() home=home world=world.get()/> }}
                </div>
            </section>
        }
    })
}

/// The QR code of `url`, the last one made on this thread kept: publish
/// renders an article's pages (its languages, its print view) one after
/// another, and making a QR code is most of the time a page takes.
fn qr_of(url: &str) -> Option<QrImage> {
    thread_local! {
        static LAST: std::cell::RefCell<Option<(String, Option<QrImage>)>> =
            const { std::cell::RefCell::new(None) };
    }
    LAST.with_borrow_mut(|last| match last {
        Some((made_for, qr)) if made_for == url => qr.clone(),
        _ => {
            let qr = qr_image(url);
            *last = Some((url.to_owned(), qr.clone()));
            qr
        }
    })
}

/// The way back online: the article's address, when it was printed, and a
/// QR code of the address.
#[component]
pub fn PrintFooter(id: Id) -> impl IntoView {
    let lang = use_language();
    let origin = expect_context::<SiteOrigin>().0;
    let today = use_context::<Today>().and_then(|t| t.0);
    let url = canonical_url(&origin, &id);
    let qr = qr_of(&url);
    let address = url.clone();
    view! {
        <footer class="print-only print-footer" lang=move || lang.code()>
            <div class="print-footer__text">
                <p class="print-footer__url">{move || td_string!(lang.get(), online_at)}" "<span class="print-footer__address">{address}</span></p>
                {today.map(|d| view! {
                    <p class="print-footer__date">{move || td_string!(lang.get(), printed_on)}" "<time datetime=d.to_string()>{move || d.format(lang.code())}</time></p>
                })}
            </div>
            {qr.map(|qr| view! {
                <svg
                    class="print-footer__qr"
                    viewBox=format!("0 0 {0} {0}", qr.size)
                    role="img"
                    aria-label=move || format!("{} {url}", td_string!(lang.get(), qr_label))
                    shape-rendering="crispEdges"
                >
                    <rect width=qr.size height=qr.size fill="#fff"/>
                    <path d=qr.path fill="#000"/>
                </svg>
            })}
        </footer>
    }
}
