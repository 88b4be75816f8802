//! Messages in the reader's language: 简体中文 first, English second.
//!
//! Every user-facing text is a key in `locales/zh-CN.toml` and `locales/en.toml`, looked up with
//! `rust_i18n::t!` (`t!("cli.check.ok", jurisdictions = n, files = m)`; `%{files}` in the text).
//! The crate is rust-i18n: its locale files are plain TOML compiled into the binary (nothing to install beside
//! it, nothing to read at run time), its `t!` takes named arguments, and a lookup is thread-safe, so
//! rules running on rayon threads translate as they report. Fluent was the other candidate; its
//! plural and gender selectors buy nothing for Chinese, and its bundles are not `Sync`.
//!
//! The language is chosen once per run by the CLI ([`Lang::detect`], then [`set_language`]):
//! `--lang zh|en`, else the first set of `LC_ALL`, `LC_MESSAGES`, `LANG` (zh* → Chinese,
//! en* → English), else Chinese. The only state is the crate's current locale. Library code that
//! never sets a language speaks rust-i18n's initial locale, English (in-process tests rely on it).

use clap::ValueEnum;
use rust_i18n::t;

use crate::diagnostic::Severity;

// rust-i18n reads locales/ inside its macro, which cargo does not track: including the files here
// makes an edit of a locale file rebuild the crate.
const _LOCALE_FILES: [&str; 2] = [
    include_str!("../locales/zh-CN.toml"),
    include_str!("../locales/en.toml"),
];

/// A language zhinan speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    // 简体中文. (No doc comments here: clap would print them as a long help that is not translated.)
    Zh,
    // English
    En,
}

impl Lang {
    /// The locale file's name (`locales/<locale>.toml`).
    pub fn locale(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The language a locale setting such as `zh_CN.UTF-8` or `en_US` asks for; `None` for others
    /// (`C`, `POSIX`, `fr_FR`).
    pub fn from_locale_setting(value: &str) -> Option<Lang> {
        let v = value.trim().to_ascii_lowercase();
        if v.starts_with("zh") {
            Some(Lang::Zh)
        } else if v.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The run's language: the flag, else the first non-empty of `LC_ALL`, `LC_MESSAGES`, `LANG`
    /// (as POSIX reads them), else Chinese. `var` reads the environment (a parameter for tests).
    pub fn detect(flag: Option<Lang>, var: impl Fn(&str) -> Option<String>) -> Lang {
        if let Some(lang) = flag {
            return lang;
        }
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| var(name))
            .find(|v| !v.trim().is_empty())
            .and_then(|v| Lang::from_locale_setting(&v))
            .unwrap_or(Lang::Zh)
    }
}

/// Speak `lang` from now on (every thread).
pub fn set_language(lang: Lang) {
    rust_i18n::set_locale(lang.locale());
}

/// The language messages are produced in now.
pub fn language() -> Lang {
    if &*rust_i18n::locale() == Lang::Zh.locale() {
        Lang::Zh
    } else {
        Lang::En
    }
}

/// A severity's name in the current language (`错误`, `warning`).
pub fn severity(severity: Severity) -> String {
    match severity {
        Severity::Error => t!("severity.error"),
        Severity::Warning => t!("severity.warning"),
        Severity::Info => t!("severity.info"),
    }
    .into_owned()
}

/// The text of `key` in the current language, or `None` when no locale defines it. For keys built
/// at run time (clap's help texts, rule docs); fixed keys use `t!`.
pub fn lookup(key: &str) -> Option<String> {
    crate::_rust_i18n_try_translate(&rust_i18n::locale(), key).map(|s| s.into_owned())
}

/// `lookup` with `%{name}` arguments filled in.
pub fn lookup_with(key: &str, args: &[(&str, &str)]) -> Option<String> {
    let text = lookup(key)?;
    let names: Vec<&str> = args.iter().map(|(n, _)| *n).collect();
    let values: Vec<String> = args.iter().map(|(_, v)| v.to_string()).collect();
    Some(rust_i18n::replace_patterns(&text, &names, &values))
}

/// The name of a jurisdiction level (`national`, `province`, `city`, `county`) in the current
/// language: 全国 / 省 / 市 / 县.
pub fn level_name(level: &str) -> String {
    match level {
        "national" => t!("cli.level.national"),
        "province" => t!("cli.level.province"),
        "city" => t!("cli.level.city"),
        _ => t!("cli.level.county"),
    }
    .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn flag_wins_over_environment() {
        assert_eq!(
            Lang::detect(Some(Lang::En), env(&[("LANG", "zh_CN.UTF-8")])),
            Lang::En
        );
    }

    #[test]
    fn environment_in_posix_order() {
        assert_eq!(
            Lang::detect(None, env(&[("LANG", "en_US.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::detect(
                None,
                env(&[("LC_ALL", "zh_CN.UTF-8"), ("LANG", "en_US.UTF-8")])
            ),
            Lang::Zh
        );
        assert_eq!(
            Lang::detect(None, env(&[("LC_MESSAGES", "en_GB"), ("LANG", "zh_CN")])),
            Lang::En
        );
        // An empty LC_ALL is unset.
        assert_eq!(
            Lang::detect(None, env(&[("LC_ALL", ""), ("LANG", "en_US.UTF-8")])),
            Lang::En
        );
    }

    #[test]
    fn chinese_by_default() {
        assert_eq!(Lang::detect(None, env(&[])), Lang::Zh);
        assert_eq!(Lang::detect(None, env(&[("LANG", "C.UTF-8")])), Lang::Zh);
        assert_eq!(
            Lang::detect(None, env(&[("LANG", "fr_FR.UTF-8")])),
            Lang::Zh
        );
    }
}
