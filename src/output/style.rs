//! Colour, decided once per process: on a terminal unless `NO_COLOR` is set (auto), always,
//! or never. Renderers ask [`enabled`] and wrap words with [`paint`]; piped output, and any
//! output with `NO_COLOR` or `--color never`, holds no escape code.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum When {
    #[default]
    Auto,
    Always,
    Never,
}

static ENABLED: AtomicBool = AtomicBool::new(false);

/// Decides colour for stdout: `Auto` means a terminal and no (non-empty) `NO_COLOR`.
pub fn init(when: When) {
    let on = match when {
        When::Always => true,
        When::Never => false,
        When::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    };
    ENABLED.store(on, Ordering::Relaxed);
}

/// Whether stdout gets colour.
pub fn enabled() -> bool {
    ENABLED.load(Ordering::Relaxed)
}

/// A colour (ANSI SGR code).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    Green,
    Red,
    Yellow,
    /// Table headers.
    Bold,
}

impl Paint {
    fn code(self) -> &'static str {
        match self {
            Paint::Green => "32",
            Paint::Red => "31",
            Paint::Yellow => "33",
            Paint::Bold => "1",
        }
    }
}

/// `text` in colour when colour is on, else as it is.
pub fn paint(text: &str, p: Paint) -> String {
    if enabled() && !text.is_empty() {
        format!("\x1b[{}m{text}\x1b[0m", p.code())
    } else {
        text.to_string()
    }
}

/// A boolean's word coloured: true green, false red.
pub fn boolean(b: bool) -> String {
    if b {
        paint("true", Paint::Green)
    } else {
        paint("false", Paint::Red)
    }
}
