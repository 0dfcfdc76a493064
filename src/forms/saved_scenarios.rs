//! Saved scenarios: a list with unique, non-empty names, so a name says which one is meant
//! (in the comparison, in a shared link, in "replace the saved one?").

use serde::{Deserialize, Serialize};

use crate::domain::scenario::Scenario;
use crate::domain::scenario_url::MAX_NAME_CHARS;

/// Enough to compare and keep a few plans; a cap keeps storage bounded.
pub const MAX_SAVED: usize = 50;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SavedScenarios {
    pub list: Vec<Scenario>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameError {
    Empty,
    TooLong,
    Taken,
    /// The list holds `MAX_SAVED` already.
    Full,
}

/// A name as typed: trimmed, 1..=200 characters.
pub fn clean_name(name: &str) -> Result<String, NameError> {
    let name = name.trim();
    if name.is_empty() {
        Err(NameError::Empty)
    } else if name.chars().count() > MAX_NAME_CHARS {
        Err(NameError::TooLong)
    } else {
        Ok(name.to_string())
    }
}

impl SavedScenarios {
    pub fn position(&self, name: &str) -> Option<usize> {
        self.list.iter().position(|s| s.name == name.trim())
    }

    /// `base` if free, else `base (2)`, `base (3)`…; an empty base gets `fallback`.
    pub fn unique_name(&self, base: &str, fallback: &str) -> String {
        let base = match base.trim() {
            "" => fallback.trim(),
            b => b,
        };
        let base: String = base.chars().take(MAX_NAME_CHARS - 6).collect();
        if self.position(&base).is_none() {
            return base;
        }
        (2..).map(|n| format!("{base} ({n})")).find(|name| self.position(name).is_none()).unwrap_or(base)
    }

    /// Adds `scenario` under `name` (which must be free); returns its index.
    pub fn save_new(&mut self, mut scenario: Scenario, name: &str) -> Result<usize, NameError> {
        let name = clean_name(name)?;
        if self.position(&name).is_some() {
            return Err(NameError::Taken);
        }
        if self.list.len() >= MAX_SAVED {
            return Err(NameError::Full);
        }
        scenario.name = name;
        self.list.push(scenario);
        Ok(self.list.len() - 1)
    }

    /// Overwrites the scenario at `index`, keeping its name. `false` when there is none.
    pub fn replace(&mut self, index: usize, mut scenario: Scenario) -> bool {
        match self.list.get_mut(index) {
            Some(slot) => {
                scenario.name = slot.name.clone();
                *slot = scenario;
                true
            }
            None => false,
        }
    }

    pub fn rename(&mut self, index: usize, name: &str) -> Result<(), NameError> {
        let name = clean_name(name)?;
        if self.position(&name).is_some_and(|i| i != index) {
            return Err(NameError::Taken);
        }
        if let Some(s) = self.list.get_mut(index) {
            s.name = name;
        }
        Ok(())
    }

    pub fn delete(&mut self, index: usize) -> Option<Scenario> {
        (index < self.list.len()).then(|| self.list.remove(index))
    }

    /// Stored lists are read defensively: blank or repeated names (from an older or edited
    /// store) are renamed rather than dropped, and the list is cut to `MAX_SAVED`.
    pub fn repaired(list: Vec<Scenario>, fallback: &str) -> Self {
        let mut out = SavedScenarios::default();
        for s in list.into_iter().take(MAX_SAVED) {
            let name = out.unique_name(&s.name, fallback);
            let _ = out.save_new(s, &name);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(n: &str) -> Scenario {
        Scenario { name: n.into(), ..Default::default() }
    }

    #[test]
    fn names_are_unique_and_trimmed() {
        let mut s = SavedScenarios::default();
        assert_eq!(s.save_new(named("x"), "  Plan A "), Ok(0));
        assert_eq!(s.list[0].name, "Plan A");
        assert_eq!(s.save_new(named("y"), "Plan A"), Err(NameError::Taken));
        assert_eq!(s.save_new(named("y"), "   "), Err(NameError::Empty));
        assert_eq!(s.save_new(named("y"), &"x".repeat(201)), Err(NameError::TooLong));
        assert_eq!(s.unique_name("Plan A", "Scenario"), "Plan A (2)");
        assert_eq!(s.unique_name("", "Scenario"), "Scenario");
        s.save_new(named(""), "Plan A (2)").unwrap();
        assert_eq!(s.unique_name("Plan A", "S"), "Plan A (3)");
    }

    #[test]
    fn rename_replace_delete() {
        let mut s = SavedScenarios::default();
        s.save_new(named(""), "A").unwrap();
        s.save_new(named(""), "B").unwrap();
        assert_eq!(s.rename(1, "A"), Err(NameError::Taken));
        assert_eq!(s.rename(1, " B "), Ok(()));
        assert_eq!(s.rename(1, "C"), Ok(()));
        let mut other = named("Shared");
        other.capacity.arr_per_csm = 1e6;
        assert!(s.replace(0, other));
        assert_eq!((s.list[0].name.as_str(), s.list[0].capacity.arr_per_csm), ("A", 1e6));
        assert!(!s.replace(9, named("z")));
        assert_eq!(s.delete(0).map(|x| x.name), Some("A".into()));
        assert_eq!(s.delete(5), None);
        assert_eq!(s.list.len(), 1);
    }

    #[test]
    fn the_list_is_bounded_and_repaired_on_read() {
        let mut s = SavedScenarios::default();
        for i in 0..MAX_SAVED {
            s.save_new(named(""), &format!("S{i}")).unwrap();
        }
        assert_eq!(s.save_new(named(""), "one more"), Err(NameError::Full));
        let r = SavedScenarios::repaired(vec![named("A"), named("A"), named(" ")], "Scenario");
        let names: Vec<&str> = r.list.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["A", "A (2)", "Scenario"]);
    }
}
