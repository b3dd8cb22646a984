//! `fa3.toml`: rule selection and profile defaults, found upward from the
//! working directory or named with `--config`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The keys of `fa3.toml`. Every key is optional; command-line flags win.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Codes or prefixes to run (replaced by `--select`).
    #[serde(default)]
    pub select: Vec<String>,
    /// Codes or prefixes to skip (extended by `--ignore`).
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Severity overrides by code, e.g. `FA3-DATE-003 = "warning"` under
    /// `[severity]`; the codes are checked against the rule registry.
    #[serde(default)]
    pub severity: BTreeMap<String, String>,
    /// `prd`, `test` or `demo`.
    pub env: Option<String>,
    /// A time zone name such as `Europe/Warsaw`.
    pub tz: Option<String>,
    /// `online` or `batch`.
    pub mode: Option<String>,
    /// Path of the SQLite registry of sent invoices (relative to the file).
    pub registry: Option<PathBuf>,
    /// The lowest severity that makes the exit status 1: `error` (default),
    /// `warning` or `info`.
    pub fail_on: Option<String>,
    /// Tolerance of the amount rules, e.g. `"0.02"` (a string keeps the
    /// decimal exact; a TOML number is read by its shortest decimal form).
    pub tolerance: Option<Tolerance>,
    /// NBP Table A mid-rates file (CSV or JSON) for FA3-CUR-005 (relative to
    /// the file).
    pub rates: Option<PathBuf>,
}

/// `tolerance` as written in `fa3.toml`: `"0.02"` or `0.02`.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum Tolerance {
    /// A string: the exact decimal.
    Text(String),
    /// A TOML number.
    Number(f64),
}

impl Tolerance {
    /// The decimal text of the value (`0.02`).
    pub fn as_text(&self) -> String {
        match self {
            Tolerance::Text(s) => s.trim().to_string(),
            Tolerance::Number(n) => n.to_string(),
        }
    }
}

/// The name looked for.
pub const FILE_NAME: &str = "fa3.toml";

/// Finds `fa3.toml` in `start` or one of its ancestors.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|p| p.is_file())
}

/// The most bytes read from a config file (a real one is a few hundred).
const MAX_CONFIG: u64 = 1024 * 1024;

/// Reads and parses a config file; relative paths in it are resolved
/// against its folder.
pub fn load(path: &Path) -> Result<Config, String> {
    let bytes = fa3::run::read_regular_file(path, MAX_CONFIG)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let text = String::from_utf8(bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut config: Config =
        toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    if let (Some(reg), Some(dir)) = (&config.registry, path.parent())
        && reg.is_relative()
    {
        config.registry = Some(dir.join(reg));
    }
    if let (Some(rates), Some(dir)) = (&config.rates, path.parent())
        && rates.is_relative()
    {
        config.rates = Some(dir.join(rates));
    }
    Ok(config)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn reads_tolerance_and_rates() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, "tolerance = \"0.02\"\nrates = \"nbp.csv\"\n").unwrap();
        let config = load(&path).unwrap();
        assert_eq!(config.tolerance.unwrap().as_text(), "0.02");
        assert_eq!(config.rates, Some(dir.path().join("nbp.csv")));
        std::fs::write(&path, "tolerance = 0.05\n").unwrap();
        assert_eq!(load(&path).unwrap().tolerance.unwrap().as_text(), "0.05");
        std::fs::write(&path, "tolerance = [1]\n").unwrap();
        assert!(load(&path).is_err());
    }
}
