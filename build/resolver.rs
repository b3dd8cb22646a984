//! Offline schema resolver: `crd.gov.pl` `DefinicjeTypy` URLs map onto the
//! vendored files in `schemas/fa3/`; any other remote location is an error.

use std::fs::File;
use std::io::{BufReader, Error, ErrorKind};
use std::path::{Path, PathBuf};

use url::Url;
use xsd_parser::pipeline::parser::resolver::{ResolveRequest, ResolveResult, Resolver};

/// The only remote prefix the official schemas use for their imports.
const CRD_PREFIX: &str = "/xml/schematy/dziedzinowe/mf/2022/01/05/eD/DefinicjeTypy/";

#[derive(Debug)]
pub struct CrdResolver {
    dir: PathBuf,
}

impl CrdResolver {
    pub fn new(dir: &Path) -> Self {
        Self {
            dir: dir.to_path_buf(),
        }
    }

    fn local(&self, url: &Url) -> Result<PathBuf, Error> {
        match url.scheme() {
            "http" | "https" => {
                let host = url.host_str().unwrap_or_default();
                let path = url.path();
                let name = path.strip_prefix(CRD_PREFIX).unwrap_or_default();
                if host != "crd.gov.pl" || name.is_empty() || name.contains('/') {
                    return Err(Error::new(
                        ErrorKind::PermissionDenied,
                        format!(
                            "refusing to fetch {url}: only vendored crd.gov.pl schemas are allowed"
                        ),
                    ));
                }
                Ok(self.dir.join(name))
            }
            "file" => {
                let path = url.to_file_path().map_err(|()| {
                    Error::new(ErrorKind::InvalidInput, format!("bad file URL {url}"))
                })?;
                if !path.starts_with(&self.dir) {
                    return Err(Error::new(
                        ErrorKind::PermissionDenied,
                        format!("refusing schema outside schemas/fa3: {}", path.display()),
                    ));
                }
                Ok(path)
            }
            other => Err(Error::new(
                ErrorKind::PermissionDenied,
                format!("refusing schema location with scheme {other}: {url}"),
            )),
        }
    }
}

impl Resolver for CrdResolver {
    type Buffer = BufReader<File>;
    type Error = Error;

    fn resolve(&mut self, req: &ResolveRequest) -> ResolveResult<Self> {
        let url = match &req.current_location {
            Some(current) => current.join(&req.requested_location),
            None => Url::parse(&req.requested_location),
        };
        let url = if let Ok(url) = url {
            url
        } else {
            let path = self.dir.join(&req.requested_location);
            Url::from_file_path(&path).map_err(|()| {
                Error::new(
                    ErrorKind::InvalidInput,
                    format!("bad schema location {}", req.requested_location),
                )
            })?
        };
        let path = self.local(&url)?;
        let file = File::open(&path)?;
        let file_url = Url::from_file_path(&path).map_err(|()| {
            Error::new(
                ErrorKind::InvalidInput,
                format!("bad path {}", path.display()),
            )
        })?;
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .map(ToOwned::to_owned);
        Ok(Some((name, file_url, BufReader::new(file))))
    }
}
