//! Entry point of the browser app: a panic hook, then mount (taking over a
//! published page if this is one).

// The app's view types are deep: natively (tests) they need a higher limit.
#![recursion_limit = "256"]

fn main() {
    console_error_panic_hook::set_once();
    changning_reader::navigation::normalise_address();
    changning_reader::handover::mount(changning_reader::App);
    changning_reader::offline::register_service_worker();
}
