//! Loading and validating the site configuration.
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// Errors that can occur while reading a configuration file.
#[derive(Debug)]
pub enum ConfigError {
    Io(std::io::Error),
    Missing(&'static str),
    Invalid { key: String, reason: String },
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::Io(e) => write!(f, "cannot read config: {}", e),
            ConfigError::Missing(key) => write!(f, "missing key `{key}`"),
            ConfigError::Invalid { key, reason } => write!(f, "bad value for {}: {}", key, reason),
        }
    }
}

impl From<std::io::Error> for ConfigError {
    fn from(e: std::io::Error) -> Self {
        ConfigError::Io(e)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub title: String,
    pub base_url: String,
    pub shard_size: u32,
    pub output_dir: PathBuf,
    pub params: HashMap<String, String>,
}

impl Config {
    pub const DEFAULT_SHARD_SIZE: u32 = 64;

    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path)?;
        let mut values: HashMap<String, String> = HashMap::new();
        for (number, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((key, value)) = line.split_once('=') else {
                return Err(ConfigError::Invalid { key: format!("line {}", number + 1), reason: "no '='".into() });
            };
            values.insert(key.trim().to_owned(), value.trim().trim_matches('"').to_owned());
        }
        let title = values.remove("title").ok_or(ConfigError::Missing("title"))?;
        let shard_size = match values.remove("shard_size") {
            Some(v) => v.parse::<u32>().map_err(|e| ConfigError::Invalid { key: "shard_size".into(), reason: e.to_string() })?,
            None => Self::DEFAULT_SHARD_SIZE,
        };
        Ok(Config {
            title,
            base_url: values.remove("base_url").unwrap_or_else(|| "/".to_string()),
            shard_size,
            output_dir: PathBuf::from(values.remove("output_dir").unwrap_or_default()),
            params: values,
        })
    }
}
