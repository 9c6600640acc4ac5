//! Browser tier (wasm-bindgen-test in headless Chromium): the element layer in a real browser —
//! mounting into an open shadow root, reading attributes, taking and refusing host datasets
//! (as text and as bytes, within the reading limits), and the `state` property.

#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn host(attributes: &[(&str, &str)]) -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let el: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    for (k, v) in attributes {
        el.set_attribute(k, v).unwrap();
    }
    document.body().unwrap().append_child(&el).unwrap();
    // The loader attaches the open shadow root before it mounts; so does this test.
    el.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    el
}

/// The `state` property as the loader reads it: the widget's JSON text, parsed.
fn state_of(widget: &role_compare::Widget) -> wasm_bindgen::JsValue {
    js_sys::JSON::parse(&widget.state_json()).expect("state is JSON")
}

/// The text of the widget's error panel (it must be there).
fn error_text(el: &web_sys::HtmlElement) -> String {
    let shadow = el.shadow_root().expect("an open shadow root is attached");
    let panel = shadow
        .query_selector(".rc-error[role=alert]")
        .unwrap()
        .expect("error panel");
    panel.text_content().unwrap()
}

fn column_names(el: &web_sys::HtmlElement) -> Vec<String> {
    let shadow = el.shadow_root().expect("an open shadow root is attached");
    let found = shadow
        .query_selector_all("table thead th[scope=col] .rc-abbr")
        .unwrap();
    (0..found.length())
        .filter_map(|i| found.item(i))
        .filter_map(|n| n.text_content())
        .collect()
}

#[wasm_bindgen_test]
async fn mounts_a_table_with_the_three_roles_in_an_open_shadow_root() {
    let el = host(&[]);
    let mut widget = role_compare::mount(el.clone()).expect("mount succeeds");
    yield_now().await;
    assert_eq!(column_names(&el), ["CIO", "CISO", "CSO"]);
    widget.unmount();
    yield_now().await;
    let shadow = el.shadow_root().unwrap();
    assert!(
        shadow.query_selector("table").unwrap().is_none(),
        "unmount removes the table"
    );
}

#[wasm_bindgen_test]
async fn attributes_choose_roles_and_changes_apply() {
    let el = host(&[("roles", "ciso cso")]);
    let mut widget = role_compare::mount(el.clone()).unwrap();
    yield_now().await;
    assert_eq!(column_names(&el), ["CISO", "CSO"]);
    el.set_attribute("roles", "cio cso nobody").unwrap();
    widget.attributes_changed(Some("roles".into()));
    yield_now().await;
    assert_eq!(column_names(&el), ["CIO", "CSO"]);
    let state = state_of(&widget);
    let roles = js_sys::Reflect::get(&state, &"roles".into()).unwrap();
    assert_eq!(js_sys::Array::from(&roles).length(), 2);
    // The state property arrives as JSON text; the reader applies it.
    widget.set_state(r#"{"roles":["ciso","cso"],"unknown":1}"#);
    yield_now().await;
    assert_eq!(column_names(&el), ["CISO", "CSO"]);
    widget.set_state(r#"{"roles":"cio"}"#);
    yield_now().await;
    assert_eq!(
        column_names(&el),
        ["CISO", "CSO"],
        "a bad state changes nothing"
    );
}

#[wasm_bindgen_test]
async fn an_invalid_host_dataset_is_refused_with_its_paths_and_the_old_content_stays() {
    let el = host(&[]);
    let mut widget = role_compare::mount(el.clone()).unwrap();
    yield_now().await;
    let bad = r#"{"format":1,"version":"x","last_reviewed":"2026-11-23","sources":[],"facets":[],"roles":[],"claims":[]}"#;
    assert!(!widget.set_data(bad, "test", "a test"));
    yield_now().await;
    let text = error_text(&el);
    assert!(
        text.contains("sources: must list at least one source"),
        "{text}"
    );
    assert_eq!(
        column_names(&el),
        ["CIO", "CISO", "CSO"],
        "previous content kept"
    );
    assert!(!widget.set_data("not JSON", "test", "a test"));
    yield_now().await;
    let text = error_text(&el);
    assert!(
        text.contains("not JSON: expected a value at line 1, column 1"),
        "{text}"
    );
    assert!(!widget.set_data("[]", "test", "a test"));
    yield_now().await;
    let text = error_text(&el);
    assert!(
        text.contains("expected an object (the dataset), found an array"),
        "{text}"
    );
}

#[wasm_bindgen_test]
async fn changing_roles_keeps_the_readers_other_filters() {
    let el = host(&[]);
    let mut widget = role_compare::mount(el.clone()).unwrap();
    yield_now().await;
    // The reader's filters (as the page's state property sets them), then a roles attribute.
    widget.set_state(r#"{"search":"budget","mode":"differences","target":"CEO"}"#);
    yield_now().await;
    el.set_attribute("roles", "cio ciso").unwrap();
    widget.attributes_changed(Some("roles".into()));
    yield_now().await;
    let state = state_of(&widget);
    let get = |k: &str| js_sys::Reflect::get(&state, &k.into()).unwrap();
    assert_eq!(get("search").as_string().as_deref(), Some("budget"));
    assert_eq!(get("mode").as_string().as_deref(), Some("differences"));
    assert_eq!(get("target").as_string().as_deref(), Some("CEO"));
    assert_eq!(js_sys::Array::from(&get("roles")).length(), 2);
    // The same through the state property: only the roles change.
    widget.set_state(
        r#"{"roles":["ciso","cso"],"search":"budget","mode":"differences","target":"CEO"}"#,
    );
    yield_now().await;
    assert_eq!(column_names(&el), ["CISO", "CSO"]);
    let state = state_of(&widget);
    let get = |k: &str| js_sys::Reflect::get(&state, &k.into()).unwrap();
    assert_eq!(get("search").as_string().as_deref(), Some("budget"));
}

/// A valid two-role host dataset with `name` as the first role's name.
fn small_dataset(name: &str) -> String {
    format!(
        r#"{{"format":1,"version":"1","last_reviewed":"2026-11-23","sources":[{{"id":"s1","kind":"article","title":"S"}}],"facets":[{{"id":"focus","label":"Focus","topics":[{{"id":"t","label":"T"}}]}}],"roles":[{{"id":"a","abbr":"AAA","name":"{name}","summary":"A."}},{{"id":"b","abbr":"BBB","name":"B","summary":"B."}}],"claims":[{{"id":"c1","roles":["a","b"],"facet":"focus","topic":"t","text":"Both.","sources":[{{"source":"s1"}}]}}]}}"#
    )
}

#[wasm_bindgen_test]
async fn datasets_arrive_as_bytes_and_the_limits_hold_while_reading() {
    let el = host(&[]);
    let mut widget = role_compare::mount(el.clone()).unwrap();
    yield_now().await;
    // A byte-order mark is dropped and invalid UTF-8 reads as U+FFFD, as Response.text() does.
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(
        small_dataset("Caf\u{e9} \u{fffd}")
            .replace('\u{fffd}', "\u{1}")
            .bytes(),
    );
    let at = bytes.iter().position(|&b| b == 1).unwrap();
    bytes[at] = 0xFF;
    assert!(widget.set_data_bytes(&bytes, "test", "a test"));
    yield_now().await;
    assert_eq!(column_names(&el), ["AAA", "BBB"]);
    // A 20 MB name is refused at the first 10,001 characters, with its path.
    let huge = small_dataset(&"x".repeat(20_000_000));
    assert!(!widget.set_data_bytes(huge.as_bytes(), "test", "a test"));
    yield_now().await;
    let text = error_text(&el);
    assert!(text.contains("roles[0].name: too long"), "{text}");
    assert_eq!(column_names(&el), ["AAA", "BBB"], "previous content kept");
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
