use std::time::Instant;
fn main() {
    let p = std::env::args().nth(1).unwrap();
    let bytes = std::fs::read(&p).unwrap();
    for _ in 0..3 {
        let t = Instant::now();
        let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        let a = t.elapsed();
        let t = Instant::now();
        let _ = statsig::spec::compile::compile(&v, "x").unwrap();
        let b = t.elapsed();
        println!("parse {:?} compile {:?}", a, b);
    }
}
