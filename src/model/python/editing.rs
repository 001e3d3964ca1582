//! Editing a program in a plain textarea: what Tab and Shift+Tab do to the text and the caret.

const INDENT: &str = "    ";

/// The text and caret after Tab (or Shift+Tab) at `start..end` (UTF-16 offsets, as the DOM counts).
pub fn indent(value: &str, start: u32, end: u32, dedent: bool) -> (String, u32) {
    let chars: Vec<u16> = value.encode_utf16().collect();
    let (start, end) = ((start as usize).min(chars.len()), (end as usize).min(chars.len()));
    let line_start = chars[..start].iter().rposition(|&c| c == '\n' as u16).map_or(0, |i| i + 1);
    if dedent {
        let spaces = chars[line_start..].iter().take(4).take_while(|&&c| c == ' ' as u16).count();
        let mut out = chars[..line_start].to_vec();
        out.extend_from_slice(&chars[line_start + spaces..]);
        return (String::from_utf16_lossy(&out), (start - spaces.min(start - line_start)) as u32);
    }
    let mut out = chars[..start].to_vec();
    out.extend(INDENT.encode_utf16());
    out.extend_from_slice(&chars[end..]);
    (String::from_utf16_lossy(&out), (start + INDENT.len()) as u32)
}

#[cfg(test)]
mod tests {
    use super::indent;

    #[test]
    fn tab_indents_at_the_caret_and_shift_tab_dedents_the_line() {
        assert_eq!(indent("ab\ncd", 3, 3, false), ("ab\n    cd".into(), 7));
        assert_eq!(indent("ab\n    cd", 9, 9, true), ("ab\ncd".into(), 5));
        assert_eq!(indent("ab\n  cd", 5, 5, true), ("ab\ncd".into(), 3));
        assert_eq!(indent("ё\n", 1, 1, false), ("ё    \n".into(), 5));
    }
}
