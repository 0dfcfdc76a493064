#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    cs_planner::app::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("cs-planner is a web app: build it with `make serve` (trunk), not `cargo run`.");
}
