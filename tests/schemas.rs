//! The vendored schemas are byte-identical to the official ones.

#![allow(clippy::unwrap_used)]

use std::fmt::Write as _;
use std::path::Path;

use sha2::{Digest, Sha256};

#[test]
fn vendored_schemas_are_byte_exact() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/fa3");
    let expected = [
        (
            "schemat_FA(3)_v1-0E.xsd",
            "b646b6b525f51adf1bb2545f111fc8ca6e7aa6dd2f98948f1667d3695c06d958",
        ),
        (
            "StrukturyDanych_v10-0E.xsd",
            "1137ce6e3c11c2b9ef3f05e4e72d6dcd6b4fa94908ea558f2ba15de0259bb2aa",
        ),
        (
            "ElementarneTypyDanych_v10-0E.xsd",
            "8a531cb181d3e298d11b28766655ae91fee2d7851440095932ffc82137ed2be1",
        ),
        (
            "KodyKrajow_v10-0E.xsd",
            "1d41a1b3184188f2d20a51d3afde26204dda182ec5dacf018204dcc9870dc644",
        ),
    ];
    for (name, sha) in expected {
        let bytes = std::fs::read(dir.join(name)).unwrap();
        let digest = Sha256::digest(&bytes);
        let hex = digest.iter().fold(String::new(), |mut hex, b| {
            let _ = write!(hex, "{b:02x}");
            hex
        });
        assert_eq!(hex, sha, "{name} differs from the official file");
    }
}
