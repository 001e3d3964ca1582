//! Text made safe to place inside HTML or SVG markup: in an attribute value (double-quoted) or
//! between tags. Used where the page writes markup as text: the embed snippets, and chart rows
//! drawn as one string each (whose titles carry user-typed URLs).

/// `s` with `&`, `"`, `'`, `<` and `>` replaced by their entities.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_can_leave_its_attribute_or_open_a_tag() {
        assert_eq!(escape(r#"a"b'c<d>e&f"#), "a&quot;b&#39;c&lt;d&gt;e&amp;f");
        assert_eq!(escape("https://x.test/?a=1&b=<script>"), "https://x.test/?a=1&amp;b=&lt;script&gt;");
        assert_eq!(escape("Запрос №1 — 300 мс"), "Запрос №1 — 300 мс");
    }
}
