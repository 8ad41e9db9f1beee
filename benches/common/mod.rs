//! What the benchmarks share: the binary's allocator, the spec file and generated users.

use statsig::user::User;

// The binary's allocator, so the figures are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The spec file every benchmark runs on.
pub const SPECS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/specs/core_eval_proj_dcs.json"
);

/// `n` varied users: ids, emails, IPs, countries, user agents, versions, custom fields,
/// private attributes, custom ids and tiers.
pub fn users(n: usize) -> Vec<User> {
    let countries = ["US", "CA", "DE", "JP", "BR", ""];
    let uas = [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
        "okhttp/4.9.3",
    ];
    (0..n)
        .map(|i| {
            let json = serde_json::json!({
                "userID": format!("user-{i}"),
                "email": format!("person{i}@{}", if i % 3 == 0 { "statsig.com" } else { "example.com" }),
                "ip": format!("{}.{}.{}.{}", 1 + i % 200, (i * 7) % 256, (i * 13) % 256, i % 256),
                "country": countries[i % countries.len()],
                "userAgent": uas[i % uas.len()],
                "appVersion": format!("{}.{}.{}", i % 5, i % 10, i % 3),
                "custom": {"level": i % 100, "is_beta": i % 2 == 0},
                "privateAttributes": {"secret": i},
                "customIDs": {"companyID": format!("c{}", i % 50), "stableID": format!("s{i}")},
                "statsigEnvironment": {"tier": if i % 4 == 0 { "staging" } else { "production" }},
            });
            User::from_json(json, "bench").expect("generated user")
        })
        .collect()
}
