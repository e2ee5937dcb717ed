//! The parts of an article that only paper shows (and the print view shows
//! on screen): the site's name, a table and still map of the partners, and
//! a footer leading back online (address, print date, QR code).

use std::sync::Arc;

use leptos::prelude::*;
use reader_core::print::{canonical_url, qr_image, PartnerRow};
use reader_core::world::World;
use reader_core::{Id, IsoDate};

use super::static_map::StaticPartnerMap;
use crate::text;

/// The site's name above the title.
#[component]
pub fn PrintMasthead(site: Option<String>) -> impl IntoView {
    view! { <p class="print-only print-masthead">{site.unwrap_or_else(|| text::COLUMN_FALLBACK_TITLE.to_owned())}</p> }
}

/// The partners the article is about: a table, and where they are.
#[component]
pub fn PrintPartners(
    rows: Vec<PartnerRow>,
    home: (f64, f64),
    world: Signal<Option<Arc<World>>>,
) -> impl IntoView {
    (!rows.is_empty()).then(|| {
        let map_rows = rows.clone();
        view! {
            <section class="print-only print-partners" aria-labelledby="print-partners-heading">
                <h2 class="print-partners__heading" id="print-partners-heading">{text::IN_THIS_ARTICLE}</h2>
                <table class="print-partners__table">
                    <thead>
                        <tr>
                            <th scope="col">{text::COL_NAME}</th>
                            <th scope="col">{text::COL_COUNTRY}</th>
                            <th scope="col">{text::COL_RELATION}</th>
                            <th scope="col">{text::COL_SINCE}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|row| view! {
                                <tr>
                                    <th scope="row">{row.name}</th>
                                    <td>{row.country}</td>
                                    <td>{text::relation_label(row.relation)}</td>
                                    <td>{row.since.map(|d| d.format("ja")).unwrap_or_else(|| text::UNKNOWN_DATE.to_owned())}</td>
                                </tr>
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

/// The way back online: the article's address, when it was printed, and a
/// QR code of the address.
#[component]
pub fn PrintFooter(id: Id) -> impl IntoView {
    let origin = window().location().origin().unwrap_or_default();
    let url = canonical_url(&origin, &id);
    let qr = qr_image(&url);
    let today = js_sys::Date::new_0();
    let printed = IsoDate::parse(&format!(
        "{:04}-{:02}-{:02}",
        today.get_full_year(),
        today.get_month() + 1,
        today.get_date()
    ));
    view! {
        <footer class="print-only print-footer">
            <div class="print-footer__text">
                <p class="print-footer__url">{text::ONLINE_AT}" "<span class="print-footer__address">{url.clone()}</span></p>
                {printed.map(|d| view! {
                    <p class="print-footer__date">{text::PRINTED_ON}" "<time datetime=d.to_string()>{d.format("ja")}</time></p>
                })}
            </div>
            {qr.map(|qr| view! {
                <svg
                    class="print-footer__qr"
                    viewBox=format!("0 0 {0} {0}", qr.size)
                    role="img"
                    aria-label=format!("{} {url}", text::QR_LABEL)
                    shape-rendering="crispEdges"
                >
                    <rect width=qr.size height=qr.size fill="#fff"/>
                    <path d=qr.path fill="#000"/>
                </svg>
            })}
        </footer>
    }
}
