//! Statsig first-party user-agent parser.
//!
//! A re-implementation of the word tokenizer described in `evaluation.md` §13. The UA is cut into
//! words at `;` and ` `; a four-word window slides over them and a fixed rule list turns words
//! into tokens, an OS candidate, a browser candidate and a set of hints. The OS and browser are
//! then chosen from those.
//!
//! The parser borrows everything from the input: no token list is kept. Instead, while tokens are
//! produced, the handful of facts the final OS/browser selection needs (first matching token of
//! each kind, latest `Android`/`Version`/`Chrome` token, the first two tokens) are recorded, so
//! the only allocations are the four output strings.

/// Fields Statsig derives from a user agent.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ParsedUserAgent {
    pub os_name: String,
    pub os_version: String,
    pub browser_name: String,
    pub browser_version: String,
}

/// Parses `ua` with Statsig's first-party tokenizer (§13). Never fails: unknown agents give
/// `Other` / `0.0.0`.
#[must_use]
pub fn parse_user_agent(ua: &str) -> ParsedUserAgent {
    let state = tokenize(ua);
    let (os_name, os_tok) = state.select_os();
    let (browser_name, browser_tok) = state.select_browser();
    ParsedUserAgent {
        os_name: os_name.to_owned(),
        os_version: version_string(os_tok),
        browser_name: browser_name.to_owned(),
        browser_version: version_string(browser_tok),
    }
}

/// A (tag, version) pair. Tags are either fixed names or slices of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Token<'a> {
    tag: &'a str,
    version: Option<&'a str>,
}

impl<'a> Token<'a> {
    const fn new(tag: &'a str, version: Option<&'a str>) -> Self {
        Token { tag, version }
    }
}

/// A token remembered together with its index in the (virtual) token list.
type Indexed<'a> = Option<(usize, Token<'a>)>;

/// Tokenizer output, reduced to what §13.4/§13.5 read.
#[derive(Debug, Default)]
struct State<'a> {
    /// Number of tokens added so far (index of the next one).
    count: usize,
    /// Tokens 0 and 1 (for the CFNetwork rule of §13.5).
    first: [Option<Token<'a>>; 2],
    os_candidate: Option<Token<'a>>,
    browser_candidate: Option<Token<'a>>,

    /// First token whose tag names an OS regardless of hints.
    os_plain: Indexed<'a>,
    /// First `CPU OS` token (an OS only with the ios hint).
    os_cpu: Indexed<'a>,
    /// First `Version` token (an OS only with ios and mac hints).
    os_version: Indexed<'a>,

    /// First token that ends the browser scan.
    br_final: Option<Token<'a>>,
    /// Latest `Android`, `Version`, `Chrome` tokens.
    br_android: Option<Token<'a>>,
    br_version: Option<Token<'a>>,
    br_chrome: Option<Token<'a>>,

    ios: bool,
    mac: bool,
    windows: bool,
    linux: bool,
    mobile: bool,
    safari: bool,
    playstation: bool,
    huawei: bool,
    cfnetwork: bool,
    crawler: bool,
    bot: bool,
}

impl<'a> State<'a> {
    /// `tok(T, v)`: append a token.
    fn tok(&mut self, tag: &'a str, version: Option<&'a str>) {
        let t = Token::new(tag, version);
        let idx = self.count;
        self.count += 1;
        if idx < 2 {
            self.first[idx] = Some(t);
        }

        // OS scan facts (§13.4).
        match tag {
            "ATV OS X" | "iOS" | "Android" | "Kindle" | "Ubuntu" | "Chromecast" | "Red Hat" => {
                self.os_plain.get_or_insert((idx, t));
            }
            "CPU OS" => {
                self.os_cpu.get_or_insert((idx, t));
            }
            "Version" => {
                self.os_version.get_or_insert((idx, t));
            }
            _ if tag.starts_with("Android") => {
                self.os_plain.get_or_insert((idx, t));
            }
            _ => {}
        }

        // Browser scan facts (§13.5). Once a final token is found the scan stops, so the
        // "latest" trackers are only read when there is none.
        if self.br_final.is_none() {
            match tag {
                "Android" => self.br_android = Some(t),
                "Version" => self.br_version = Some(t),
                "Chrome" => self.br_chrome = Some(t),
                "Firefox" | "Yahoo! Slurp" | "Silk" | "NetFront NX" | "YaBrowser" | "Edge"
                | "Opera" | "axios" | "HeadlessChrome" => self.br_final = Some(t),
                _ => {}
            }
        }
    }

    /// Sets the OS candidate if there is none and `version` is present.
    fn os_candidate_if_none(&mut self, tag: &'a str, version: Option<&'a str>) {
        if self.os_candidate.is_none() && version.is_some() {
            self.os_candidate = Some(Token::new(tag, version));
        }
    }

    /// Sets the browser candidate if `version` is present.
    fn browser_candidate_if_versioned(&mut self, tag: &'a str, version: Option<&'a str>) {
        if version.is_some() {
            self.browser_candidate = Some(Token::new(tag, version));
        }
    }

    /// `os(T, v)`.
    fn os(&mut self, tag: &'a str, version: Option<&'a str>) {
        self.os_candidate_if_none(tag, version);
        self.tok(tag, version);
    }

    /// `br(T, v)`.
    fn br(&mut self, tag: &'a str, version: Option<&'a str>) {
        self.browser_candidate_if_versioned(tag, version);
        self.tok(tag, version);
    }

    /// `bot(T, v)`: the first bot wins; no token.
    fn bot(&mut self, tag: &'a str, version: Option<&'a str>) {
        if !self.bot {
            self.bot = true;
            self.browser_candidate = Some(Token::new(tag, version));
        }
    }

    /// `os!(T)`: replace the OS candidate; no token.
    fn os_override(&mut self, tag: &'a str) {
        self.os_candidate = Some(Token::new(tag, None));
    }

    /// §13.4. Returns the name and the token whose version is reported (None → `0.0.0`).
    fn select_os(&self) -> (&'a str, Option<Token<'a>>) {
        if let Some(t) = self.os_candidate {
            return (t.tag, Some(t));
        }
        let mut best: Indexed<'a> = self.os_plain;
        let mut consider = |c: Indexed<'a>| {
            if let Some((i, t)) = c
                && best.is_none_or(|(b, _)| i < b)
            {
                best = Some((i, t));
            }
        };
        if self.ios {
            consider(self.os_cpu);
            if self.mac {
                consider(self.os_version);
            }
        }
        if let Some((_, t)) = best {
            return match t.tag {
                "ATV OS X" => ("ATV OS X", None),
                "iOS" | "CPU OS" | "Version" => ("iOS", Some(t)),
                "Android" | "Kindle" | "Ubuntu" => (t.tag, Some(t)),
                "Chromecast" | "Red Hat" => (t.tag, None),
                // A tag merely starting with `Android`.
                _ => ("Android", None),
            };
        }
        let name = if self.ios {
            "iOS"
        } else if self.mac {
            "Mac OS X"
        } else if self.windows {
            "Windows"
        } else if self.linux {
            "Linux"
        } else {
            "Other"
        };
        (name, None)
    }

    /// §13.5. Returns the name and the token whose version is reported (None → `0.0.0`).
    fn select_browser(&self) -> (&'a str, Option<Token<'a>>) {
        if let Some(t) = self.browser_candidate {
            return (t.tag, Some(t));
        }
        if let Some(t) = self.br_final {
            let name = match t.tag {
                "Firefox" if self.mobile => "Firefox Mobile",
                "Yahoo! Slurp" => return ("Yahoo! Slurp", None),
                "Silk" if self.playstation => return ("NetFront NX", None),
                "Silk" => "Amazon Silk",
                "YaBrowser" => "Yandex Browser",
                "Edge" if self.mobile => "Edge Mobile",
                "Opera" if self.mobile => "Opera Mobile",
                // Firefox, NetFront NX, Edge, Opera, axios, HeadlessChrome.
                other => other,
            };
            return (name, Some(t));
        }
        if let Some(chrome) = self.br_chrome {
            if self.br_version.is_some() {
                return ("Chrome Mobile WebView", Some(chrome));
            }
            if self.mobile && chrome.version.is_some() && !self.huawei {
                return ("Chrome Mobile", Some(chrome));
            }
            if chrome.version.is_none()
                && let Some(android) = self.br_android
            {
                return ("Android", Some(android));
            }
            return ("Chrome", Some(chrome));
        }
        if let Some(android) = self.br_android {
            return ("Android", Some(android));
        }
        if self.cfnetwork
            && let Some(t0) = self.first[0]
        {
            if t0.tag == "NetworkingExtension" {
                return ("CFNetwork", self.first[1]);
            }
            return (t0.tag, Some(t0));
        }
        if self.safari {
            let name = if self.mobile && !self.mac {
                "Mobile Safari"
            } else {
                "Safari"
            };
            return (name, self.br_version);
        }
        if self.ios {
            return ("Mobile Safari UI/WKWebView", None);
        }
        if self.crawler {
            return ("crawler", None);
        }
        ("Other", None)
    }
}

/// Trims `( ) ; , + _ "` from both ends; empty → absent.
fn trim_word(w: &str) -> Option<&str> {
    let t = w.trim_matches(|c| matches!(c, '(' | ')' | ';' | ',' | '+' | '_' | '"'));
    (!t.is_empty()).then_some(t)
}

fn starts_with_digit(w: Option<&str>) -> bool {
    w.is_some_and(|s| s.as_bytes().first().is_some_and(u8::is_ascii_digit))
}

/// The sliding window of §13.1 over the raw words.
struct Window<'a> {
    words: std::str::Split<'a, [char; 2]>,
    /// Trimmed words `w0..w3`; only the first `len` slots hold words.
    slots: [Option<&'a str>; 4],
    /// Number of raw words in the window (a word that trims to nothing still counts).
    len: usize,
}

impl<'a> Window<'a> {
    fn new(input: &'a str) -> Self {
        let mut w = Window {
            words: input.split([';', ' ']),
            slots: [None; 4],
            len: 0,
        };
        while w.len < 4 {
            match w.words.next() {
                Some(raw) => {
                    w.slots[w.len] = trim_word(raw);
                    w.len += 1;
                }
                None => break,
            }
        }
        w
    }

    fn advance(&mut self, n: usize) {
        for _ in 0..n {
            if self.len == 0 {
                return;
            }
            self.slots.rotate_left(1);
            self.slots[3] = None;
            self.len -= 1;
            if let Some(raw) = self.words.next() {
                self.slots[self.len] = trim_word(raw);
                self.len += 1;
            }
        }
    }
}

/// `num(w)`: a word starting with an ASCII digit is consumed (one more move) and yielded.
fn num<'a>(w: Option<&'a str>, extra: &mut usize) -> Option<&'a str> {
    if starts_with_digit(w) {
        *extra += 1;
        w
    } else {
        None
    }
}

/// Runs the rules of §13.3 over `ua`.
fn tokenize(ua: &str) -> State<'_> {
    let mut st = State::default();
    let mut win = Window::new(ua);

    while win.len > 0 {
        let [w0, w1, w2, w3] = win.slots;
        let Some(w0) = w0 else {
            win.advance(1);
            continue;
        };
        // Every rule ends by moving one word on (rule 25's `adv(1)` without a final step comes
        // to the same); `extra` counts the additional moves (including those of `num`).
        let mut extra = 0usize;
        if w0.starts_with("AppleTV") {
            st.tok("ATV OS X", None);
            extra += 1;
        } else if w0 == "like" && w1 == Some("Mac") && w2 == Some("OS") {
            extra += 3;
        } else if w0 == "Mac" && w1 == Some("OS") && w2 == Some("X") {
            st.mac = true;
            let v = num(w3, &mut extra);
            st.os("Mac OS X", v);
            extra += 2;
        } else if w0 == "Mac" && w1 == Some("OS") {
            st.mac = true;
            let v = num(w2, &mut extra);
            st.os("Mac OS X", v);
            extra += 2;
        } else if w0 == "iOS" {
            let v = num(w1, &mut extra);
            st.os("iOS", v);
            st.ios = true;
            extra += 1;
        } else if w0 == "iPhone" && w1 == Some("OS") {
            let v = num(w2, &mut extra);
            st.os("iOS", v);
            extra += 1;
        } else if w0 == "iPadOS" {
            let v = num(w1, &mut extra);
            st.os("iOS", v);
            st.ios = true;
            extra += 1;
        } else if let Some(rest) = w0.strip_prefix("iPad") {
            st.ios = true;
            st.tok("iPad", between(rest, "iPad"));
        } else if let Some(rest) = w0.strip_prefix("iPhone") {
            st.ios = true;
            st.tok("iPhone", between(rest, "iPhone"));
        } else if w0.starts_with("Apple-iPhone7C2") {
            st.ios = true;
            st.tok("iPhone", None);
        } else if w0 == "CPU" && w1 == Some("OS") {
            let v = num(w2, &mut extra);
            st.tok("CPU OS", v);
            extra += 1;
        } else if w0 == "CrOS" {
            let mut v = num(w1, &mut extra);
            if v.is_none() {
                extra += 1;
                v = num(w2, &mut extra);
            }
            st.os("Chrome OS", v);
        } else if w0 == "CrKey" {
            st.os("Chromecast", None);
        } else if w0 == "PlayStation" {
            st.playstation = true;
            st.tok("PlayStation", None);
        } else if w0 == "Android" {
            let v = num(w1, &mut extra);
            st.os("Android", v);
        } else if w0 == "Windows" && w1 == Some("Phone") {
            let v = num(w2, &mut extra);
            st.os("Windows Phone", v);
            extra += 1;
        } else if w0.starts_with("Windows") {
            st.windows = true;
            let v = if w1 == Some("NT") {
                let v = num(w2, &mut extra);
                if v.is_some() {
                    extra += 1;
                }
                v
            } else if w1.is_some_and(|s| s.starts_with("XP")) {
                extra += 1;
                Some("XP")
            } else {
                num(w1, &mut extra)
            };
            st.os("Windows", v);
        } else if w0 == "MSIE" {
            let v = num(w1, &mut extra);
            st.br("IE", v);
        } else if w0 == "Yahoo!" && w1 == Some("Slurp") {
            st.tok("Yahoo! Slurp", None);
            extra += 1;
        } else if w0 == "Red" && w1 == Some("Hat") {
            st.os("Red Hat", None);
            extra += 1;
        } else if w0 == "Ubuntu" {
            let v = num(w1, &mut extra);
            st.os("Ubuntu", v);
        } else if w0 == "Mobile" {
            st.mobile = true;
            st.tok("Mobile", None);
        } else if w0 == "Linux" || w0 == "linux" {
            st.linux = true;
            st.tok("Linux", None);
        } else if w0 == "Nintendo" && w1 == Some("3DS") {
            st.tok("NetFront NX", None);
            extra += 1;
        } else if w0 == "like" || w0.len() <= 2 {
            // Skip the word.
        } else if w0 == "Better" && w1 == Some("Uptime") && w2 == Some("Bot") {
            st.bot("Better Uptime Bot", None);
        } else if w0 == "Radius" && w1 == Some("Compilance") && w2 == Some("Bot") {
            st.bot("Radius Compilance Bot", None);
        } else if w0 == "AdsBot-Google-Mobile" {
            st.bot("AdsBot-Google", None);
        } else if w0 == "Uptime" && w1 == Some("Monitoring") && w2 == Some("Bot") {
            st.bot("Uptime Monitoring Bot", None);
        } else {
            product_token(&mut st, w0);
        }

        win.advance(1 + extra);
    }
    st
}

/// Rule 8/9: the text after the leading marker up to the next occurrence of it, trimmed.
fn between<'a>(rest: &'a str, marker: &str) -> Option<&'a str> {
    let end = rest.find(marker).unwrap_or(rest.len());
    trim_word(&rest[..end])
}

/// Rule 27: a `product/version` word.
fn product_token<'a>(st: &mut State<'a>, w0: &'a str) {
    let (tag, version) = match w0.find(['/', ';', ':']) {
        Some(i) => (trim_word(&w0[..i]).unwrap_or(w0), trim_word(&w0[i + 1..])),
        None => (w0, None),
    };
    match tag {
        "Kindle" => {
            st.os_candidate_if_none("Kindle", version);
            st.browser_candidate_if_versioned("Kindle", version);
            st.tok("Kindle", version);
        }
        "FxiOS" => st.br("Firefox iOS", version),
        "EdgiOS" => {
            mac_candidate_to_ios(st);
            st.br("Edge Mobile", version);
        }
        "CriOS" => {
            st.ios = true;
            mac_candidate_to_ios(st);
            st.br("Chrome Mobile iOS", version);
        }
        "GSA" => st.br("Google", version),
        "YisouSpider" => st.br("YisouSpider", version),
        "Edg" | "Edge" => st.tok("Edge", version),
        "OPR" => st.tok("Opera", version),
        "SamsungBrowser" => st.br("Samsung Internet", version),
        "HuaweiBrowser" => {
            st.huawei = true;
            st.tok("HuaweiBrowser", version);
        }
        "ChatGPT-User" => st.br("ChatGPT-User", version),
        "OAI-SearchBot" => st.br("OAI-SearchBot", version),
        "NX" => st.br("NetFront NX", version),
        "Electron" => st.br("Electron", version),
        "IEMobile" => st.br("IE Mobile", version),
        _ if ["Bot", "bot", "crawler", "Crawler"]
            .iter()
            .any(|p| tag.contains(p)) =>
        {
            st.bot(tag, version);
        }
        "Mobile" => {
            st.mobile = true;
            st.tok("Mobile", version);
        }
        "Safari" => {
            st.safari = true;
            st.tok("Safari", version);
        }
        "CFNetwork" => {
            st.cfnetwork = true;
            st.ios = true;
        }
        _ if version.is_some_and(|v| v.contains("crawler")) => st.crawler = true,
        "OculusBrowser" => st.os_override("Android"),
        _ => st.tok(tag, version),
    }
}

/// `EdgiOS`/`CriOS`: a `Mac OS X` OS candidate becomes `iOS` without a version.
fn mac_candidate_to_ios(st: &mut State<'_>) {
    if st.os_candidate.is_some_and(|t| t.tag == "Mac OS X") {
        st.os_override("iOS");
    }
}

/// §13.6: the version string of a token (`None` → `0.0.0`).
fn version_string(tok: Option<Token<'_>>) -> String {
    let Some(Token {
        tag,
        version: Some(v),
    }) = tok
    else {
        return "0.0.0".to_owned();
    };
    if tag == "Windows" {
        let mapped = match v {
            "5.1" | "5.2" => "XP",
            "6.0" => "Vista",
            "6.1" => "7",
            "6.3" => "8.1",
            "10.0" => "10",
            _ => "0.0.0",
        };
        return mapped.to_owned();
    }
    let max_parts = if matches!(tag, "YaBrowser" | "Opera" | "NetFront NX") {
        3
    } else {
        4
    };
    let mut out = String::with_capacity(v.len());
    for (i, piece) in v
        .split_terminator(['_', ',', '.'])
        .take(max_parts)
        .enumerate()
    {
        if i > 0 {
            out.push('.');
        }
        if i == 1 {
            let digits = piece.bytes().take_while(u8::is_ascii_digit).count();
            out.push_str(&piece[..digits]);
        } else {
            out.push_str(piece);
        }
    }
    // `split_terminator` yields at least one piece for a non-empty version, and versions are
    // never empty (an empty trimmed version is absent).
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(ua: &str, os: (&str, &str), browser: (&str, &str)) {
        let p = parse_user_agent(ua);
        assert_eq!(
            (
                p.os_name.as_str(),
                p.os_version.as_str(),
                p.browser_name.as_str(),
                p.browser_version.as_str()
            ),
            (os.0, os.1, browser.0, browser.1),
            "UA: {ua}"
        );
    }

    // §13.7 checks.

    #[test]
    fn ua_windows_chrome_and_edge() {
        let base = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";
        check(base, ("Windows", "10"), ("Chrome", "140.0.0.0"));
        check(
            &format!("{base} Edg/140.0.0.0"),
            ("Windows", "10"),
            ("Edge", "140.0.0.0"),
        );
    }

    #[test]
    fn ua_iphone_mobile_safari() {
        check(
            "Mozilla/5.0 (iPhone; CPU iPhone OS 10_3_1 like Mac OS X) AppleWebKit/603.1.30 (KHTML, like Gecko) Version/10.0 Mobile/14E304 Safari/602.1",
            ("iOS", "10.3.1"),
            ("Mobile Safari", "10.0"),
        );
    }

    #[test]
    fn ua_ipad_cpu_os() {
        let p = parse_user_agent(
            "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1",
        );
        assert_eq!((p.os_name.as_str(), p.os_version.as_str()), ("iOS", "16.6"));
    }

    #[test]
    fn ua_chatgpt_ios_app() {
        check(
            "ChatGPT/1.2025.245 (iOS 18.6.2; iPhone14,5; build 17507616669)",
            ("iOS", "18.6.2"),
            ("Mobile Safari UI/WKWebView", "0.0.0"),
        );
    }

    #[test]
    fn ua_axios() {
        check(
            "axios/1.6.7,6468",
            ("Other", "0.0.0"),
            ("axios", "1.6.7.6468"),
        );
    }

    #[test]
    fn ua_googlebot() {
        check(
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            ("Other", "0.0.0"),
            ("Googlebot", "2.1"),
        );
    }

    #[test]
    fn ua_opera_mobile_drops_patch_minor() {
        check(
            "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36 OPR/83.0.0.0",
            ("Android", "10"),
            ("Opera Mobile", "83.0.0"),
        );
    }

    #[test]
    fn ua_non_numeric_version_kept() {
        check(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/abc.def Safari/537.36",
            ("Windows", "10"),
            ("Chrome", "abc."),
        );
    }

    #[test]
    fn ua_unknown_products_are_other() {
        check("okhttp/4.9.3", ("Other", "0.0.0"), ("Other", "0.0.0"));
        check("curl/8.4.0", ("Other", "0.0.0"), ("Other", "0.0.0"));
    }

    #[test]
    fn ua_trident_ie11_is_other() {
        check(
            "Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko",
            ("Windows", "7"),
            ("Other", "0.0.0"),
        );
    }

    /// Rules of §13.3/§13.4/§13.5 beyond the §13.7 list (each cross-checked against R).
    #[test]
    fn ua_rule_table() {
        let rows: &[(&str, [&str; 4])] = &[
            // A number before a trailing `CrOS` must not leak into its (absent) lookahead.
            (
                "Mozilla/4.76 [en] (X11; U; SunOS 5.8 fr CrOS",
                ["Other", "0.0.0", "Other", "0.0.0"],
            ),
            (
                "Codex Desktop/0.93.0-alpha.13 (Mac OS 26.2.0; arm64) unknown",
                ["Mac OS X", "26.2.0", "Other", "0.0.0"],
            ),
            (
                "Whatnot v26.26.0 (42), iPadOS 26.5, iPad13,19",
                ["iOS", "26.5", "Mobile Safari UI/WKWebView", "0.0.0"],
            ),
            (
                "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
                ["Chrome OS", "14541.0.0", "Chrome", "120.0.0.0"],
            ),
            (
                "Mozilla/5.0 (Windows; U; Windows NT 5.1; en-US) Gecko/20100101 Firefox/3.6",
                ["Windows", "XP", "Firefox", "3.6"],
            ),
            // `Windows XP` yields version "XP", which the Windows map turns into 0.0.0.
            (
                "Mozilla/5.0 (Windows XP) Foo/1",
                ["Windows", "0.0.0", "Other", "0.0.0"],
            ),
            (
                "Mozilla/5.0 (Linux; U; en-US) AppleWebKit/528.5+ (KHTML, like Gecko, Safari/528.5+) Version/4.0 Kindle/3.0 (screen 600x800; rotate)",
                ["Kindle", "3.0", "Kindle", "3.0"],
            ),
            (
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) EdgiOS/120.0 Version/17.0 Mobile/15E148 Safari/604.1",
                ["iOS", "0.0.0", "Edge Mobile", "120.0"],
            ),
            (
                "Mozilla/5.0 (X11; Linux x86_64; Quest 3) AppleWebKit/537.36 (KHTML, like Gecko) OculusBrowser/31.0 Chrome/120.0 VR Safari/537.36",
                ["Android", "0.0.0", "Chrome", "120.0"],
            ),
            (
                "Mozilla/5.0 (Linux; Android 9; Mi) AppleWebKit/537.36 (KHTML, like Gecko) Chrome Mobile Safari/537.36",
                ["Android", "9", "Android", "9"],
            ),
            (
                "Mozilla/5.0 (PlayStation Vita 3.74) AppleWebKit/537.73 (KHTML, like Gecko) Silk/3.2",
                ["Other", "0.0.0", "NetFront NX", "0.0.0"],
            ),
            (
                "Better Uptime Bot Mozilla/5.0",
                ["Other", "0.0.0", "Better Uptime Bot", "0.0.0"],
            ),
            (
                "Foo/1 (bar/crawler)",
                ["Other", "0.0.0", "crawler", "0.0.0"],
            ),
            (
                "YaBrowser/1.2.3.4 Chrome/5",
                ["Other", "0.0.0", "Yandex Browser", "1.2.3"],
            ),
            (
                "NetworkingExtension/1.0 CFNetwork/1.2 Darwin/24.3.0",
                ["iOS", "0.0.0", "CFNetwork", "24.3.0"],
            ),
            (
                "MyApp/2.5 CFNetwork/1.2 Darwin/24.3.0",
                ["iOS", "0.0.0", "MyApp", "2.5"],
            ),
        ];
        for (ua, [on, ov, bn, bv]) in rows {
            check(ua, (on, ov), (bn, bv));
        }
    }

    // Version formatting (§13.6).

    #[test]
    fn ua_version_strings() {
        let v = |tag, ver| version_string(Some(Token::new(tag, Some(ver))));
        assert_eq!(v("Mac OS X", "10_15_7"), "10.15.7");
        assert_eq!(v("Chrome", "140.0.0.0"), "140.0.0.0");
        assert_eq!(v("axios", "1.6.7,6468"), "1.6.7.6468");
        assert_eq!(v("Opera", "83.0.0.0"), "83.0.0");
        assert_eq!(v("Chrome", "abc.def"), "abc.");
        assert_eq!(v("Mobile", "15E148"), "15E148");
        assert_eq!(v("Chrome", "1.2."), "1.2");
        assert_eq!(v("Chrome", "1.2b.3"), "1.2.3");
        assert_eq!(v("Chrome", "1..3"), "1..3");
        assert_eq!(v("Windows", "6.2"), "0.0.0");
        assert_eq!(v("Windows", "10.0.22635"), "0.0.0");
        assert_eq!(v("Windows", "5.2"), "XP");
        assert_eq!(v("Windows", "XP"), "0.0.0");
        assert_eq!(version_string(None), "0.0.0");
        assert_eq!(version_string(Some(Token::new("Chrome", None))), "0.0.0");
    }

    #[test]
    fn ua_empty_and_whitespace() {
        check("", ("Other", "0.0.0"), ("Other", "0.0.0"));
        check(" ;; ", ("Other", "0.0.0"), ("Other", "0.0.0"));
    }

    // Shared data.

    const CASES: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/specs/ua/ua_string_cases.json"
    );
    const MUST_PASS: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/specs/ua/must_pass_user_agents.txt"
    );

    #[test]
    fn ua_string_cases_all_match() {
        let text = std::fs::read_to_string(CASES).expect("read ua_string_cases.json");
        let cases: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&text).expect("parse ua_string_cases.json");
        assert!(!cases.is_empty());
        let field = |v: &serde_json::Value, k: &str| v[k].as_str().expect(k).to_owned();
        let mut failures = Vec::new();
        for (ua, exp) in &cases {
            let expected = ParsedUserAgent {
                os_name: field(exp, "osName"),
                os_version: field(exp, "osVersion"),
                browser_name: field(exp, "browserName"),
                browser_version: field(exp, "browserVersion"),
            };
            let got = parse_user_agent(ua);
            if got != expected {
                failures.push(format!(
                    "UA: {ua}\n  expected {expected:?}\n  got      {got:?}"
                ));
            }
        }
        for f in &failures {
            println!("{f}");
        }
        println!(
            "ua_string_cases: {}/{} match",
            cases.len() - failures.len(),
            cases.len()
        );
        assert!(failures.is_empty(), "{} case(s) differ", failures.len());
    }

    struct MustPass<'a> {
        ua: &'a str,
        os: &'a str,
        os_version: Option<String>,
        browser: &'a str,
        browser_version: Option<String>,
    }

    /// uap-core style columns → `Some("a.b.c")`, `None` when the major is `None`.
    fn join_version(parts: &[&str]) -> Option<String> {
        if parts[0] == "None" {
            return None;
        }
        let present: Vec<&str> = parts.iter().copied().filter(|p| *p != "None").collect();
        Some(present.join("."))
    }

    fn must_pass_cases(text: &str) -> Vec<MustPass<'_>> {
        text.lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .map(|line| {
                let cols: Vec<&str> = line.split('|').collect();
                assert_eq!(cols.len(), 11, "bad line: {line}");
                MustPass {
                    ua: cols[0],
                    os: if cols[1] == "None" { "Other" } else { cols[1] },
                    os_version: join_version(&cols[2..6]),
                    browser: if cols[6] == "None" { "Other" } else { cols[6] },
                    browser_version: join_version(&cols[7..11]),
                }
            })
            .collect()
    }

    #[test]
    fn ua_must_pass_names() {
        let text = std::fs::read_to_string(MUST_PASS).expect("read must_pass_user_agents.txt");
        let cases = must_pass_cases(&text);
        assert!(!cases.is_empty());
        let mut failures = Vec::new();
        for c in &cases {
            let got = parse_user_agent(c.ua);
            if got.os_name != c.os || got.browser_name != c.browser {
                failures.push(format!(
                    "UA: {}\n  expected os={:?} browser={:?}\n  got      os={:?} browser={:?}",
                    c.ua, c.os, c.browser, got.os_name, got.browser_name
                ));
            }
        }
        for f in &failures {
            println!("{f}");
        }
        println!(
            "must_pass names: {}/{} match",
            cases.len() - failures.len(),
            cases.len()
        );
        assert!(failures.is_empty(), "{} name mismatch(es)", failures.len());
    }

    /// Versions in the must-pass list are uap-core's; the tokenizer's own rules differ from them
    /// in exactly one case: `Apple-iPhone7C2 ... CPU like Mac OS X ... Version/3.0`, where uap
    /// takes the iOS version from `Version/3.0` but §13.4 only does so with both the ios and
    /// the mac hint (the `like Mac OS X` words are skipped by rule 2, so no mac hint) and falls
    /// back to the ios hint, `0.0.0`. Absent uap versions compare as `0.0.0`.
    #[test]
    fn ua_must_pass_versions() {
        let text = std::fs::read_to_string(MUST_PASS).expect("read must_pass_user_agents.txt");
        let cases = must_pass_cases(&text);
        let (mut os_ok, mut br_ok) = (0, 0);
        for c in &cases {
            let got = parse_user_agent(c.ua);
            let exp_os = c.os_version.as_deref().unwrap_or("0.0.0");
            let exp_br = c.browser_version.as_deref().unwrap_or("0.0.0");
            if got.os_version == exp_os {
                os_ok += 1;
            } else if c.ua.contains("Apple-iPhone7C2") {
                assert_eq!(got.os_version, "0.0.0");
                println!(
                    "OS  {:?} vs uap {:?} (expected difference): {}",
                    got.os_version, exp_os, c.ua
                );
            } else {
                println!("OS  {:?} vs uap {:?}: {}", got.os_version, exp_os, c.ua);
            }
            if got.browser_version == exp_br {
                br_ok += 1;
            } else {
                println!(
                    "BR  {:?} vs uap {:?}: {}",
                    got.browser_version, exp_br, c.ua
                );
            }
        }
        println!(
            "must_pass versions: os {os_ok}/{n}, browser {br_ok}/{n}",
            n = cases.len()
        );
        assert_eq!(
            os_ok + 1,
            cases.len(),
            "only the Apple-iPhone7C2 OS version may differ"
        );
        assert_eq!(br_ok, cases.len());
    }
}
