//! Browser tier (wasm-bindgen-test in headless Chromium): the element layer mounts the widget
//! into a real element's open shadow root and renders the bundled roles as table columns.

#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn mounts_a_table_with_the_three_roles_in_an_open_shadow_root() {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();

    let mut widget = role_compare::mount(host.clone()).expect("mount succeeds");
    // yew renders on the next tick of the scheduler.
    yield_now().await;

    let shadow = host.shadow_root().expect("an open shadow root is attached");
    let headers = shadow
        .query_selector_all("table thead th[scope=col]")
        .unwrap();
    let names: Vec<String> = (0..headers.length())
        .filter_map(|i| headers.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .filter_map(|e| e.query_selector(".rc-abbr").ok().flatten())
        .filter_map(|e| e.text_content())
        .collect();
    assert_eq!(names, ["CIO", "CISO", "CSO"]);

    widget.unmount();
    yield_now().await;
    let left = shadow.query_selector("table").unwrap();
    assert!(left.is_none(), "unmount removes the rendered table");
}

/// Lets the browser run queued tasks (yew's scheduler) before continuing.
async fn yield_now() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}
