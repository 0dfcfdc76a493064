//! A deterministic generator of realistic books for the store's tests and measurements:
//! Chinese, Latin and mixed company names, 8 owners, 12 industries, 4 terms with renewals.

use chrono::NaiveDate;

use crate::domain::book::{Account, Book, Outcome, Term};
use crate::domain::dates::{add_days, add_months};

/// splitmix64: tiny, and the same numbers on every platform.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const CITIES: [&str; 16] = [
    "北京", "上海", "深圳", "广州", "杭州", "成都", "南京", "苏州", "武汉", "西安", "天津", "重庆", "厦门", "青岛",
    "长沙", "合肥",
];
const BRAND_CHARS: &str =
    "星辰云海天华信达博瑞腾飞智慧创新联合众恒安泰鼎盛佳康宏远金源明德永兴万通中科环球东方嘉禾新锐";
const ZH_TRADES: [&str; 12] =
    ["科技", "软件", "信息", "网络", "医疗", "教育", "物流", "制造", "零售", "金融", "能源", "传媒"];
const ZH_SUFFIXES: [&str; 4] = ["有限公司", "股份有限公司", "集团", "有限责任公司"];
const LATIN_HEADS: [&str; 16] = [
    "Nova", "Acme", "Blue", "Bright", "Cloud", "Delta", "Echo", "Green", "Hyper", "Iron", "Lumen", "Metro", "North",
    "Omni", "Prime", "Quant",
];
const LATIN_TAILS: [&str; 12] =
    ["ware", "soft", "data", "logic", "path", "wave", "core", "link", "labs", "sys", "gen", "ify"];
const LATIN_WORDS: [&str; 10] =
    ["Analytics", "Health", "Retail", "Systems", "Logistics", "Energy", "Media", "Tech", "Bio", "Pay"];
const LATIN_SUFFIXES: [&str; 5] = ["Ltd", "Inc.", "GmbH", "Co.", "Pte Ltd"];
const INDUSTRIES: [&str; 12] =
    ["SaaS", "制造业", "零售", "金融", "医疗", "教育", "物流", "能源", "传媒", "政府", "Healthcare", "E-commerce"];
const REGIONS: [&str; 6] = ["华东", "华北", "华南", "西南", "华中", "海外"];
const OWNERS: [&str; 8] = ["张伟", "王芳", "李娜", "刘洋", "陈静", "Emily Chen", "David Wang", "杨磊"];

fn name(rng: &mut Rng) -> String {
    let brand = |rng: &mut Rng| -> String {
        let chars: Vec<char> = BRAND_CHARS.chars().collect();
        (0..2).map(|_| *rng.pick(&chars)).collect()
    };
    let latin = |rng: &mut Rng| format!("{}{}", rng.pick(&LATIN_HEADS), rng.pick(&LATIN_TAILS));
    match rng.below(20) {
        0..=9 => format!("{}{}{}{}", rng.pick(&CITIES), brand(rng), rng.pick(&ZH_TRADES), rng.pick(&ZH_SUFFIXES)),
        10..=16 => {
            format!("{} {} {}", latin(rng), rng.pick(&LATIN_WORDS), rng.pick(&LATIN_SUFFIXES))
        }
        _ => format!("{} {}{}", latin(rng), rng.pick(&ZH_TRADES), rng.pick(&ZH_SUFFIXES)),
    }
}

/// ARR by tier, mostly in whole hundreds, a fifth with cents.
fn arr(rng: &mut Rng) -> f64 {
    let dollars = match rng.below(100) {
        0..=4 => 100_000 + rng.below(400_000),
        5..=24 => 20_000 + rng.below(80_000),
        25..=59 => 5_000 + rng.below(15_000),
        _ => 1_000 + rng.below(4_000),
    };
    if rng.chance(20) {
        (dollars * 100 + rng.below(100)) as f64 / 100.0
    } else {
        (dollars / 100 * 100) as f64
    }
}

fn score(rng: &mut Rng) -> f64 {
    rng.below(101) as f64
}

pub fn account(rng: &mut Rng, serial: u64) -> Account {
    let as_of = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap_or_default();
    let first_start = add_days(NaiveDate::from_ymd_opt(2019, 1, 1).unwrap_or_default(), rng.below(1460) as i64);
    let mut terms: Vec<Term> = Vec::with_capacity(4);
    let mut start = first_start;
    let mut value = arr(rng);
    for i in 0..4 {
        let end = match rng.below(10) {
            0 => add_days(start, 180 + rng.below(300) as i64),
            1 => add_days(add_months(start, 24), -1),
            _ => add_days(add_months(start, 12), -1),
        };
        let outcome = if i < 3 {
            Outcome::Renewed(add_days(end, rng.below(70) as i64 - 60))
        } else if rng.chance(25) {
            Outcome::Churned(add_days(end, rng.below(40) as i64 - 30))
        } else {
            Outcome::Open
        };
        terms.push(Term { start, end, arr: value, outcome });
        start = add_days(end, 1);
        value = ((value * (90 + rng.below(30)) as f64 / 100.0) / 100.0).round() * 100.0;
    }
    let activity = if rng.chance(30) { rng.below(1001) as f64 / 10.0 } else { score(rng) };
    Account {
        id: format!("KH{:07}", serial),
        name: name(rng),
        industry: rng.pick(&INDUSTRIES).to_string(),
        region: rng.pick(&REGIONS).to_string(),
        owner: if rng.chance(5) { String::new() } else { rng.pick(&OWNERS).to_string() },
        potential_arr: rng.chance(60).then(|| (terms[0].arr * (1 + rng.below(4)) as f64 / 1000.0).round() * 1000.0),
        fit: Some(score(rng)),
        activity: Some(activity),
        depth: Some(score(rng)),
        satisfaction: Some(score(rng)),
        health_override: rng.chance(5).then(|| score(rng)),
        go_live: rng.chance(90).then(|| add_days(first_start, 15 + rng.below(105) as i64)),
        last_touch: rng.chance(85).then(|| add_days(as_of, -(rng.below(180) as i64))),
        referrals: if rng.chance(10) { 1 + rng.below(3) as u32 } else { 0 },
        expansion_arr: if rng.chance(15) { (rng.below(200) * 100) as f64 } else { 0.0 },
        terms,
    }
}

/// `n` accounts; ids increase with small gaps as exported from a CRM.
pub fn book(n: usize, seed: u64) -> Book {
    let mut rng = Rng::new(seed);
    let mut serial = 1000;
    let accounts = (0..n)
        .map(|_| {
            serial += 1 + rng.below(5);
            account(&mut rng, serial)
        })
        .collect();
    Book { accounts }
}
