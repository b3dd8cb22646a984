//! Generates the typed FA(3) model (and the schema validator tables) from the
//! official XSDs in `schemas/fa3/`. Never touches the network: every
//! `schemaLocation` is resolved through a fixed map onto the vendored files.

#[path = "build/builder.rs"]
mod builder;
#[path = "build/dfa.rs"]
mod dfa;
#[path = "build/model.rs"]
mod model;
#[path = "build/model_paths.rs"]
mod model_paths;
#[path = "build/naming.rs"]
mod naming;
#[path = "build/resolver.rs"]
mod resolver;
#[path = "build/validator.rs"]
mod validator;
#[path = "build/xsd_raw.rs"]
mod xsd_raw;
#[allow(dead_code)] // `translate` is for the library's unit tests
#[path = "build/xsd_regex.rs"]
mod xsd_regex;

use std::env;
use std::fs;
use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let out = PathBuf::from(env::var_os("OUT_DIR").unwrap_or_default());
    let schemas = root.join("schemas").join("fa3");

    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=build");
    println!("cargo:rerun-if-changed=schemas");
    if let Ok(entries) = fs::read_dir(&schemas) {
        for entry in entries.flatten() {
            println!("cargo:rerun-if-changed={}", entry.path().display());
        }
    }

    if let Err(err) = model::generate(&schemas, &out) {
        // A build script reports failure by exiting non-zero with a message.
        eprintln!("error: generating the FA(3) model and validator failed: {err}");
        std::process::exit(1);
    }
}
