//! The rebalance proposal (DOMAIN.md §7): moves that take overloaded owners back under the line.

use std::collections::BTreeMap;

use super::stats::TOLERANCE;
use super::team::{account_weight, owner_loads, LoadBand, LoadBands, OwnedAccount};

/// Give account `account` (an index into the input) of tier `tier` from `from` to `to`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Move {
    pub account: usize,
    pub tier: usize,
    pub from: String,
    pub to: String,
}

/// The rebalance proposal: while someone is overloaded, the most loaded of them that can
/// gives its lowest-ARR account that fits to the lightest light owner, provided the receiver
/// stays within the overloaded line. The receiver then sits at or under that line while the
/// giver was over it, so the highest load never rises; a receiver never becomes a giver and no
/// account moves twice, so it stops after at most one move per account. It stops when no one
/// is overloaded or no move fits.
pub fn rebalance(accounts: &[OwnedAccount], accounts_per_csm: &[f64], bands: &LoadBands) -> Vec<Move> {
    let (names, mut loads): (Vec<String>, Vec<f64>) =
        owner_loads(accounts, accounts_per_csm, bands).into_iter().map(|o| (o.owner, o.load)).unzip();
    let index_of: BTreeMap<&str, usize> = names.iter().enumerate().map(|(i, n)| (n.as_str(), i)).collect();
    // Each owner's movable accounts, lowest ARR first (then input order, for a stable proposal).
    let mut books: Vec<Vec<usize>> = vec![Vec::new(); names.len()];
    for (i, a) in accounts.iter().enumerate() {
        if let Some(&o) = index_of.get(a.owner.as_str()) {
            if account_weight(a.tier, accounts_per_csm) > 0.0 {
                books[o].push(i);
            }
        }
    }
    for book in &mut books {
        crate::domain::sort::sort_by(book, |&x, &y| accounts[x].arr.total_cmp(&accounts[y].arr).then(x.cmp(&y)));
    }
    let limit = bands.overloaded_above + TOLERANCE;
    let mut moves = Vec::new();
    while moves.len() < accounts.len() {
        let mut givers: Vec<usize> =
            (0..names.len()).filter(|&o| bands.band(loads[o]) == LoadBand::Overloaded).collect();
        crate::domain::sort::sort_by(&mut givers, |&x, &y| loads[y].total_cmp(&loads[x]).then(x.cmp(&y)));
        let found = givers.into_iter().find_map(|from| {
            // The lightest light owner has the most room: if it cannot take an account, no one can.
            let to = (0..names.len())
                .filter(|&o| o != from && bands.band(loads[o]) == LoadBand::Light)
                .min_by(|&x, &y| loads[x].total_cmp(&loads[y]).then(x.cmp(&y)))?;
            let pos = books[from]
                .iter()
                .position(|&a| loads[to] + account_weight(accounts[a].tier, accounts_per_csm) <= limit)?;
            Some((from, to, pos))
        });
        let Some((from, to, pos)) = found else { break };
        let account = books[from].remove(pos);
        let w = account_weight(accounts[account].tier, accounts_per_csm);
        loads[from] -= w;
        loads[to] += w;
        moves.push(Move { account, tier: accounts[account].tier, from: names[from].clone(), to: names[to].clone() });
    }
    moves
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    const APC: [f64; 4] = [10.0, 40.0, 200.0, 1_000.0];

    fn acct(owner: &str, tier: usize, arr: f64) -> OwnedAccount {
        OwnedAccount { owner: owner.into(), tier, arr }
    }

    fn many(owner: &str, tier: usize, n: usize, arr0: f64) -> Vec<OwnedAccount> {
        (0..n).map(|i| acct(owner, tier, arr0 + 1_000.0 * i as f64)).collect()
    }

    #[test]
    fn rebalance_moves_lowest_arr_to_lightest() {
        // Ann 1.5 (15 strategic), Bob 0.5 (20 key), Cy 0.65 (26 key).
        let mut book = many("Ann", 0, 15, 100_000.0);
        book.reverse(); // lowest ARR last in input order
        book.extend(many("Bob", 1, 20, 20_000.0));
        book.extend(many("Cy", 1, 26, 20_000.0));
        let moves = rebalance(&book, &APC, &LoadBands::default());
        let m = |account: usize, to: &str| Move { account, tier: 0, from: "Ann".into(), to: to.into() };
        // Bob 0.5 → 0.6 → 0.7 (no longer light), then Cy 0.65 → 0.75; Ann ends at 1.2, still
        // over, but no light owner is left.
        assert_eq!(moves, vec![m(14, "Bob"), m(13, "Bob"), m(12, "Cy")]);
    }

    #[test]
    fn rebalance_skips_accounts_that_would_overload_the_receiver() {
        // Ann: a strategic account (0.1) of the lowest ARR and 1.05 of key accounts; Bob at
        // 0.69 takes nothing of 0.5 (a 2-per-CSM tier) but does take 1/40.
        let apc = [2.0, 40.0];
        let mut book = vec![acct("Ann", 0, 1.0)];
        book.extend(many("Ann", 1, 42, 5_000.0));
        book.extend(many("Bob", 1, 27, 5_000.0)); // 0.675
        let moves = rebalance(&book, &apc, &LoadBands::default());
        assert!(!moves.is_empty());
        assert!(moves.iter().all(|m| m.tier == 1 && m.account != 0));
        assert_eq!(moves[0].account, 1);
    }

    #[test]
    fn nothing_to_do() {
        assert!(rebalance(&[], &APC, &LoadBands::default()).is_empty());
        let book = many("Ann", 0, 10, 1.0);
        assert!(rebalance(&book, &APC, &LoadBands::default()).is_empty());
        // Overloaded with no one light: no move.
        let mut book = many("Ann", 0, 15, 1.0);
        book.extend(many("Bob", 0, 9, 1.0));
        assert!(rebalance(&book, &APC, &LoadBands::default()).is_empty());
    }

    /// Properties over pseudo-random books: each move goes from an overloaded owner to a light
    /// one within the line, the highest load never rises, tiers are kept, no account moves
    /// twice, and at the end either no one is over or no move fits.
    #[test]
    fn rebalance_properties() {
        let bands = LoadBands::default();
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % n
        };
        let mut total_moves = 0;
        for _ in 0..200 {
            let owners = ["A", "B", "C", "D", "E"];
            let n = 20 + next(120) as usize;
            let book: Vec<OwnedAccount> =
                (0..n).map(|_| acct(owners[next(5) as usize], next(4) as usize, (next(200) * 1_000) as f64)).collect();
            let moves = rebalance(&book, &APC, &bands);
            total_moves += moves.len();
            let mut current = book.clone();
            let mut max = owner_loads(&current, &APC, &bands).iter().map(|o| o.load).fold(0.0, f64::max);
            let mut seen = BTreeSet::new();
            for m in &moves {
                assert!(seen.insert(m.account));
                assert_eq!(m.tier, book[m.account].tier);
                assert_eq!(m.from, current[m.account].owner);
                let before = owner_loads(&current, &APC, &bands);
                let load = |name: &str| before.iter().find(|o| o.owner == name).map(|o| o.load).unwrap();
                assert!(bands.band(load(&m.from)) == LoadBand::Overloaded);
                assert!(bands.band(load(&m.to)) == LoadBand::Light);
                current[m.account].owner = m.to.clone();
                let after_max = owner_loads(&current, &APC, &bands).iter().map(|o| o.load).fold(0.0, f64::max);
                assert!(after_max <= max + 1e-12);
                max = after_max;
            }
            let end = owner_loads(&current, &APC, &bands);
            let lightest =
                end.iter().filter(|o| o.band == LoadBand::Light).map(|o| o.load).fold(f64::INFINITY, f64::min);
            for o in end.iter().filter(|o| o.band == LoadBand::Overloaded) {
                for a in current.iter().filter(|a| a.owner == o.owner) {
                    assert!(lightest + account_weight(a.tier, &APC) > bands.overloaded_above + TOLERANCE);
                }
            }
        }
        assert!(total_moves > 100, "the books should call for moves: {total_moves}");
    }
}
