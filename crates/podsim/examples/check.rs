fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let l = podsim::api::load(&text);
    for d in &l.diagnostics {
        println!(
            "{:?} {}:{}-{}:{} {} {:?}",
            d.severity, d.span.line, d.span.col, d.span.end_line, d.span.end_col, d.message, d.hint
        );
    }
    println!("valid: {}", l.defaulted.is_some());
}
