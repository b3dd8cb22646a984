//! What KSeF fixes, in one place: its limits, the namespaces of its forms
//! and its environments. Every default elsewhere ([`Limits`](crate::Limits),
//! [`HygieneLimits`](crate::hygiene::HygieneLimits),
//! [`SchemaLimits`](crate::schema::SchemaLimits), form detection, the
//! verification links) derives from the constants here.
//!
//! This module is the lowest layer of the crate: it imports nothing from it.

use std::fmt;
use std::str::FromStr;

/// Largest invoice without a `Zalacznik`, in bytes, as KSeF counts them (the
/// raw length of the file): 1,000,000 (FA3-SIZE-001).
pub const MAX_INVOICE_SIZE: u64 = 1_000_000;

/// Largest invoice with a `Zalacznik`, in bytes: 3,000,000 (FA3-SIZE-002).
pub const MAX_INVOICE_SIZE_WITH_ATTACHMENT: u64 = 3_000_000;

/// Most invoices in one session or package: 10,000 (FA3-BATCH-001).
pub const MAX_INVOICES_PER_SESSION: usize = 10_000;

/// Most parts one package may be split into: 50 (FA3-BATCH-002).
pub const MAX_PARTS: u64 = 50;

/// Largest package part before encryption, in bytes: 100,000,000
/// (FA3-BATCH-003).
pub const MAX_PART_SIZE: u64 = 100_000_000;

/// Largest whole package, in bytes: 5,000,000,000 (FA3-BATCH-004).
pub const MAX_PACKAGE_SIZE: u64 = 5_000_000_000;

/// Deepest element nesting read: 64 levels. Not a KSeF rule but fa3's
/// bound on the work for one document (FA(3) itself needs 9 levels).
pub const MAX_DEPTH: usize = 64;

/// Most attributes and namespace declarations read on one element: 64. Not
/// a KSeF rule but fa3's bound on the work for one tag (attributes are
/// compared pairwise for duplicates); FA(3) needs two attributes and a few
/// declarations.
pub const MAX_ATTRIBUTES: usize = 64;

/// Most elements read in one document: 2,000,000. Not a KSeF rule but
/// fa3's bound on the work for one document: far beyond any invoice KSeF
/// accepts (3,000,000 bytes), small enough to bound the work on hostile
/// input (FA3-XSD-014).
pub const MAX_ELEMENTS: usize = 2_000_000;

/// The FA(3) target namespace.
pub const FA3_NAMESPACE: &str = "http://crd.gov.pl/wzor/2025/06/25/13775/";

/// The FA(2) namespace, the structure FA(3) replaced for invoices issued
/// from 2026-02-01 (FA3-XML-011).
pub const FA2_NAMESPACE: &str = "http://crd.gov.pl/wzor/2023/06/29/12648/";

/// The FA(1) namespace.
pub const FA1_NAMESPACE: &str = "http://crd.gov.pl/wzor/2021/11/29/11089/";

/// The `kodSystemowy` of the FA(3) form (with a space), which the schema
/// fixes on `KodFormularza` and a session names as its `systemCode`.
pub const FA3_SYSTEM_CODE: &str = "FA (3)";

/// The `wersjaSchemy` of the FA(3) form, fixed by the schema.
pub const FA3_SCHEMA_VERSION: &str = "1-0E";

/// A KSeF environment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Environment {
    /// Production.
    Prd,
    /// The test environment ("TE", release candidate).
    Test,
    /// The pre-production demo environment.
    Demo,
}

impl Environment {
    /// All environments.
    pub const ALL: [Environment; 3] = [Environment::Prd, Environment::Test, Environment::Demo];

    /// `prd`, `test` or `demo`.
    pub fn as_str(self) -> &'static str {
        match self {
            Environment::Prd => "prd",
            Environment::Test => "test",
            Environment::Demo => "demo",
        }
    }

    /// The host of the verification links, without a scheme: the part of
    /// the KOD II string to sign that binds a signature to one environment.
    pub fn qr_host(self) -> &'static str {
        match self {
            Environment::Prd => "qr.ksef.mf.gov.pl",
            Environment::Test => "qr-test.ksef.mf.gov.pl",
            Environment::Demo => "qr-demo.ksef.mf.gov.pl",
        }
    }

    /// `https://` and the host, without a trailing slash.
    pub fn qr_base_url(self) -> String {
        format!("https://{}", self.qr_host())
    }
}

impl fmt::Display for Environment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An environment name other than `prd`, `test` or `demo`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown KSeF environment `{found}` (expected prd, test or demo)")]
pub struct UnknownEnv {
    /// The name given (at most 32 characters kept).
    pub found: String,
}

impl FromStr for Environment {
    type Err = UnknownEnv;

    /// Parses `prd`, `test` or `demo`, ignoring ASCII case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Environment::ALL
            .into_iter()
            .find(|env| env.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| UnknownEnv {
                found: s.chars().take(32).collect(),
            })
    }
}
