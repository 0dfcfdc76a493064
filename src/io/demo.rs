//! A realistic demo book, the same for the same seed: few accounts carry most ARR, four years
//! of contract history with early, on-time and late renewals, churns, up- and downsells, and
//! usage that relates to renewal (engaged accounts renew more and are more active).

use chrono::NaiveDate;

use crate::domain::dates::{add_days, add_months};
use crate::domain::{Account, Book, Outcome, Term};
use crate::i18n::Lang;

use super::accounts::next_term_dates;
use super::demo_words::{words, Words};
use super::parse::round_cents;

/// splitmix64: tiny, fast, and good enough for made-up data; no dependency needed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Uniform integer in lo..=hi.
    pub fn int(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next_u64() % (hi - lo + 1).max(1) as u64) as i64
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.next_u64() as usize % items.len()]
    }

    /// Standard normal (Box–Muller).
    pub fn normal(&mut self) -> f64 {
        let u = 1.0 - self.unit();
        let v = self.unit();
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }

    /// Log-uniform in [lo, hi): each order of magnitude as likely as the next.
    pub fn log_uniform(&mut self, lo: f64, hi: f64) -> f64 {
        (lo.ln() + self.unit() * (hi.ln() - lo.ln())).exp()
    }
}

fn clamp_score(x: f64) -> f64 {
    x.clamp(0.0, 100.0).round()
}

/// ARR at a precision a contract would be written with.
fn contract_amount(x: f64) -> f64 {
    let step = if x >= 20_000.0 {
        500.0
    } else if x >= 5_000.0 {
        100.0
    } else {
        10.0
    };
    round_cents((x / step).round().max(1.0) * step)
}

/// The same seed gives the same book, for demos that look the same every time.
pub const DEMO_SEED: u64 = 2026;

/// The demo book: `n` accounts (200 to 100,000 is the intended range) as of `as_of`, with
/// names, industries and CSM names in `lang`.
pub fn generate(seed: u64, n: usize, as_of: NaiveDate, lang: Lang) -> Book {
    let mut rng = Rng::new(seed);
    let w = words(lang);
    // 6 CSMs for 200 accounts, one more per doubling, at most 12.
    let doublings = (n.max(200) / 200).ilog2() as usize;
    let csms = &w.csms[..(6 + doublings).min(w.csms.len())];
    let mut accounts: Vec<Account> = (0..n).map(|i| account(&mut rng, i, as_of, csms, w)).collect();
    distinguish_names(&mut accounts, lang);
    Book { accounts }
}

/// A name drawn twice gets a branch city, as real companies' branches are named — "Apex
/// Academy (Denver)", "华东智造科技（深圳）" — so a demo never shows two identical customers.
fn distinguish_names(accounts: &mut [Account], lang: Lang) {
    const ZH: [&str; 12] =
        ["北京", "上海", "深圳", "广州", "杭州", "成都", "武汉", "南京", "苏州", "西安", "重庆", "天津"];
    const EN: [&str; 12] = [
        "Austin",
        "Boston",
        "Denver",
        "Seattle",
        "Chicago",
        "Atlanta",
        "Dallas",
        "Toronto",
        "London",
        "Dublin",
        "Sydney",
        "Singapore",
    ];
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for a in accounts.iter_mut() {
        let k = seen.entry(a.name.clone()).or_insert(0);
        *k += 1;
        if *k > 1 {
            let i = *k - 2;
            let round = i / ZH.len();
            let city = match lang {
                Lang::Zh => ZH[i % ZH.len()],
                Lang::En => EN[i % EN.len()],
            };
            let more = if round > 0 { format!(" {}", round + 1) } else { String::new() };
            a.name = match lang {
                Lang::Zh => format!("{}（{city}{more}）", a.name),
                Lang::En => format!("{} ({city}{more})", a.name),
            };
        }
    }
}

fn company_name(rng: &mut Rng, w: &Words, industry: usize) -> String {
    let a = rng.pick(w.name_a);
    let b = rng.pick(w.name_b);
    let c = rng.pick(w.name_c[industry % w.name_c.len()]);
    [*a, *b, *c].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(w.joiner)
}

fn account(rng: &mut Rng, i: usize, as_of: NaiveDate, csms: &[&str], w: &Words) -> Account {
    // Tier mix: ~2% strategic, ~10% key, ~30% growth, the rest long tail.
    let u = rng.unit();
    let (tier, first_arr) = if u < 0.02 {
        (0, rng.log_uniform(100_000.0, 600_000.0))
    } else if u < 0.12 {
        (1, rng.log_uniform(20_000.0, 100_000.0))
    } else if u < 0.42 {
        (2, rng.log_uniform(5_000.0, 20_000.0))
    } else {
        (3, rng.log_uniform(800.0, 5_000.0))
    };
    // Engagement drives usage, satisfaction and the odds of renewing.
    let engagement = rng.normal() + [0.5, 0.3, 0.0, -0.2][tier];
    let mut a = Account { id: format!("C{:06}", i + 1), ..Default::default() };
    a.terms = terms(rng, as_of, contract_amount(first_arr), engagement, tier);
    let churned_on = match a.terms.last().map(|t| t.outcome) {
        Some(Outcome::Churned(on)) => Some(on),
        _ => None,
    };
    let churned = churned_on.is_some();

    let industry = rng.int(0, w.industries.len() as i64 - 1) as usize;
    a.industry = w.industries[industry].to_string();
    a.region = rng.pick(w.regions).to_string();
    a.name = company_name(rng, w, industry);
    let assigned = [0.99, 0.97, 0.85, 0.55][tier];
    if rng.chance(assigned) {
        a.owner = rng.pick(csms).to_string();
    }
    a.activity = Some(clamp_score(58.0 + 18.0 * engagement + 10.0 * rng.normal() - if churned { 15.0 } else { 0.0 }));
    a.depth = rng.chance(0.85).then(|| clamp_score(50.0 + 15.0 * engagement + 15.0 * rng.normal()));
    a.satisfaction = rng.chance(0.6).then(|| clamp_score(70.0 + 12.0 * engagement + 10.0 * rng.normal()));
    a.fit = rng.chance(0.75).then(|| clamp_score(55.0 + 8.0 * engagement + 20.0 * rng.normal()));
    a.health_override = rng.chance(0.04).then(|| clamp_score(50.0 + 30.0 * rng.normal()));
    let first = a.terms[0].clone();
    // Most accounts go live 3 weeks to 5 months after signing; some are still in kickoff.
    let go_live = add_days(first.start, rng.int(20, 150));
    let stuck = rng.chance(if tier == 0 { 0.03 } else { 0.08 });
    a.go_live = (go_live <= as_of && !stuck).then_some(go_live);
    let mean_gap = [20.0, 45.0, 90.0, 200.0][tier];
    let gap = (-mean_gap * (1.0 - rng.unit()).ln()).round() as i64;
    // Nobody calls a lost account: its last contact is before the churn.
    let touch = add_days(churned_on.unwrap_or(as_of), -gap).max(first.start);
    a.last_touch = rng.chance(0.9).then_some(touch);
    a.referrals = if engagement > 0.8 && rng.chance(0.4) { rng.int(1, 3) as u32 } else { u32::from(rng.chance(0.03)) };
    let current_arr = a.terms.last().map_or(0.0, |t| t.arr);
    if !churned && rng.chance(0.15) {
        a.expansion_arr = contract_amount(current_arr * (0.05 + 0.25 * rng.unit()));
    }
    a.potential_arr = rng.chance(0.5).then(|| contract_amount(current_arr * (1.0 + 3.0 * rng.unit())));
    a
}

/// Four years of terms ending around `as_of`: each decided term is renewed (early, in the
/// end's month, or late) or churned; decisions after `as_of` are not known yet.
fn terms(rng: &mut Rng, as_of: NaiveDate, mut arr: f64, engagement: f64, tier: usize) -> Vec<Term> {
    let first_start = {
        let s = add_days(as_of, -rng.int(15, 4 * 365));
        let day = if rng.chance(0.5) { 1 } else { rng.int(1, 28) as u32 };
        NaiveDate::from_ymd_opt(chrono::Datelike::year(&s), chrono::Datelike::month(&s), day).unwrap_or(s)
    };
    let months = *rng.pick(&[12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 24, 6]);
    let (mut start, mut end) = if rng.chance(0.03) {
        (first_start, add_days(first_start, rng.int(300, 420)))
    } else {
        (first_start, add_days(add_months(first_start, months), -1))
    };
    let p_renew = 1.0 / (1.0 + (-(1.6 + 1.3 * engagement + [0.6, 0.3, 0.0, -0.3][tier])).exp());
    let mut out = Vec::new();
    loop {
        let renews = rng.chance(p_renew);
        let unrecorded = rng.chance(0.02);
        let decided_on = if renews {
            match rng.int(0, 9) {
                0..=2 => add_days(end, -rng.int(35, 75)), // early: before the end's month
                3..=7 => add_days(end, -rng.int(0, 25)),  // in the end's month, mostly
                _ => add_days(end, rng.int(1, 25)),       // late
            }
        } else if rng.chance(0.1) {
            add_days(end, -rng.int(30, 90)) // churn notice before the end
        } else {
            add_days(end, rng.int(0, 20))
        };
        if decided_on > as_of || unrecorded {
            out.push(Term { start, end, arr, outcome: Outcome::Open });
            return out;
        }
        if !renews {
            out.push(Term { start, end, arr, outcome: Outcome::Churned(decided_on) });
            return out;
        }
        out.push(Term { start, end, arr, outcome: Outcome::Renewed(decided_on) });
        let change = match rng.int(0, 19) {
            0..=11 => 0.0,
            12..=16 => 0.05 + 0.25 * rng.unit(),
            _ => -(0.05 + 0.2 * rng.unit()),
        };
        arr = contract_amount(arr * (1.0 + change));
        (start, end) = next_term_dates(start, end);
    }
}
