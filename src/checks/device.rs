//! The computer that wrote a report ("Report written on"): OS, version, architecture, locale,
//! time zone and tool version. It is never the phone with the wallet app, which the user
//! describes in the guide's phone questions (the report's `phone`). Nothing personal: no host
//! name, user name, paths or network details.

use jiff::Zoned;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Device {
    pub os: String,
    pub os_version: String,
    pub arch: String,
    pub locale: String,
    pub timezone: String,
    pub tool_version: String,
}

const UNKNOWN: &str = "unknown";

/// Reads the device facts. It reads files and environment only; it starts no process.
pub fn collect(now: &Zoned) -> Device {
    Device {
        os: sysinfo::System::name().unwrap_or_else(|| std::env::consts::OS.to_string()),
        os_version: sysinfo::System::os_version().unwrap_or_else(|| UNKNOWN.into()),
        arch: std::env::consts::ARCH.to_string(),
        locale: sys_locale::get_locale().unwrap_or_else(|| UNKNOWN.into()),
        timezone: timezone_name(now),
        tool_version: env!("CARGO_PKG_VERSION").to_string(),
    }
}

/// The IANA name when there is one (`Asia/Shanghai`), else the UTC offset.
fn timezone_name(now: &Zoned) -> String {
    match now.time_zone().iana_name() {
        Some(name) => name.to_string(),
        None => now.offset().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_zone_and_this_build() {
        let now: Zoned = "2026-11-21T15:04:05+08:00[Asia/Shanghai]".parse().unwrap();
        let device = collect(&now);
        assert_eq!(device.timezone, "Asia/Shanghai");
        assert_eq!(device.tool_version, env!("CARGO_PKG_VERSION"));
        assert_eq!(device.arch, std::env::consts::ARCH);
        assert!(!device.os.is_empty());
    }
}
