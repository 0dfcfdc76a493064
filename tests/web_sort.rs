//! Browser tests of the text order (`web::collate`): the browser's collator for the app's
//! language — numbers by value, Chinese names in pinyin order — with numbers padded so the
//! plain collator gives the order of `Intl.Collator(tag, { numeric: true })`.
#![cfg(target_arch = "wasm32")]

use cs_planner::domain::natural::is_permutation;
use cs_planner::web;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn collated<'a>(tag: &str, values: &[&'a str]) -> Vec<&'a str> {
    let order = web::collate(tag, values).expect("the browser has Intl.Collator");
    assert!(is_permutation(&order, values.len()));
    order.into_iter().map(|i| values[i as usize]).collect()
}

#[wasm_bindgen_test]
fn numbers_by_value_and_chinese_in_pinyin_order() {
    let names = ["Company 1003", "张三科技", "Company 10", "阿里巴巴", "Company 2", "北京银行", "Company 1"];
    // zh-CN: Chinese first, by pinyin (ā, běi, zhāng), then Latin.
    assert_eq!(
        collated("zh-CN", &names),
        ["阿里巴巴", "北京银行", "张三科技", "Company 1", "Company 2", "Company 10", "Company 1003"]
    );
    // en: Latin first.
    assert_eq!(collated("en", &names)[..4], ["Company 1", "Company 2", "Company 10", "Company 1003"]);
    // Leading zeros: equal numbers, then the raw text.
    assert_eq!(collated("en", &["a1", "a01", "a2", "a001"]), ["a001", "a01", "a1", "a2"]);
    // Nothing, one, and a value holding the separator (sorted natively by the caller).
    assert_eq!(web::collate("en", &[]), Some(vec![]));
    assert_eq!(web::collate("en", &["x"]), Some(vec![0]));
    assert_eq!(web::collate("en", &["a\u{1f}b", "c"]), None);
    // Short lists (owners): the same order, natural where the collator cannot.
    let owners = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        web::collated("zh-CN", owners(&["张伟", "CSM 10", "李娜", "CSM 2"])),
        ["李娜", "张伟", "CSM 2", "CSM 10"]
    );
    assert_eq!(web::collated("en", owners(&["x10", "x\u{1f}", "x9"])), ["x\u{1f}", "x9", "x10"]);
}

/// Every neighbour pair of our order is in order for the browser's own numeric collator.
#[wasm_bindgen_test]
fn the_same_order_as_the_numeric_collator() {
    let mut values: Vec<String> = Vec::new();
    let words = ["Apex", "apex", "Äpfel", "Zeta", "北京", "华东智造", "阿里", "Company", "v", "C-", ""];
    for (i, w) in words.iter().enumerate() {
        for n in [0_u64, 1, 2, 9, 10, 11, 99, 100, 1003, 20_000, 123_456_789] {
            values.push(format!("{w}{n}"));
            values.push(format!("{w} {n}.{}", (n * 7 + i as u64) % 13));
            values.push(format!("{w}{n}x{}", n % 3));
        }
        values.push(w.to_string());
    }
    values.sort();
    values.dedup();
    let refs: Vec<&str> = values.iter().map(String::as_str).collect();
    for tag in ["en", "zh-CN"] {
        let ours = collated(tag, &refs);
        let options = js_sys::Object::new();
        js_sys::Reflect::set(&options, &JsValue::from_str("numeric"), &JsValue::TRUE).unwrap();
        let reference = js_sys::Intl::Collator::new(&js_sys::Array::of1(&JsValue::from_str(tag)), &options);
        let compare = reference.compare();
        for pair in ours.windows(2) {
            let o = compare.call2(&JsValue::NULL, &JsValue::from_str(pair[0]), &JsValue::from_str(pair[1])).unwrap();
            assert!(o.as_f64().unwrap() <= 0.0, "{tag}: {:?} before {:?}", pair[0], pair[1]);
        }
    }
}
