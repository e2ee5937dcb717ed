//! Entry point of the browser app: a panic hook, then mount.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(changning_reader::App);
    changning_reader::offline::register_service_worker();
}
